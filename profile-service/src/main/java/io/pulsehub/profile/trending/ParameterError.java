package io.pulsehub.profile.trending;

/**
 * One reason a query parameter was refused.
 *
 * @param parameter the query parameter at fault
 * @param code a stable, machine-readable reason ({@code unsupported}, {@code invalid},
 * {@code out_of_range})
 * @param message what is wrong, for a person
 */
record ParameterError(String parameter, String code, String message) {

}
