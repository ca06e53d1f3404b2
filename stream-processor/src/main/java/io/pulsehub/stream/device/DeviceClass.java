package io.pulsehub.stream.device;

/**
 * The kind of device behind a user agent, as the tag topology segments visitors.
 */
public enum DeviceClass {

	/**
	 * A desktop or laptop computer.
	 */
	DESKTOP,

	/**
	 * A phone or another small-screen portable device (watch, handheld console, headset).
	 */
	MOBILE,

	/**
	 * A tablet or an eReader.
	 */
	TABLET,

	/**
	 * A crawler, a monitoring probe, a headless browser or a scripted HTTP client.
	 */
	BOT,

	/**
	 * No agent, an unreadable or manipulated one, or a device none of the other classes
	 * fits (TV, game console, car).
	 */
	UNKNOWN

}
