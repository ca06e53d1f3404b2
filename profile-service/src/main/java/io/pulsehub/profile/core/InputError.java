package io.pulsehub.profile.core;

/**
 * One reason a request input was refused.
 *
 * @param field the path segment, parameter or body member at fault
 * @param code a stable, machine-readable reason ({@code invalid}, {@code out_of_range},
 * {@code too_long}, {@code reserved}, {@code too_many}, {@code malformed})
 * @param message what is wrong, for a person
 */
public record InputError(String field, String code, String message) {

}
