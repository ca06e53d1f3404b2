package io.pulsehub.stream.tags;

/**
 * The tag store stayed unreachable for the whole retry budget; the stream thread fails
 * and is replaced, resuming from the last committed offsets and state.
 */
public class TagsSinkUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param cause the last failure
	 */
	public TagsSinkUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
