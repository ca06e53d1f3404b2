package io.pulsehub.stream.device;

import java.util.Objects;

/**
 * What a user agent tells about the device behind it.
 *
 * @param deviceClass the kind of device
 * @param os the operating system's name as yauaa spells it ({@code Windows NT},
 * {@code Mac OS}, {@code iOS}, {@code Android}), or {@code Unknown}
 * @param browser the browser's or client's name ({@code Chrome}, {@code Safari},
 * {@code Googlebot}, {@code Curl}), or {@code Unknown}
 */
public record Device(DeviceClass deviceClass, String os, String browser) {

	static final String UNKNOWN_NAME = "Unknown";

	/**
	 * The device of an agent that is missing, unreadable or says nothing to trust.
	 */
	public static final Device UNKNOWN = new Device(DeviceClass.UNKNOWN, UNKNOWN_NAME, UNKNOWN_NAME);

	public Device {
		Objects.requireNonNull(deviceClass, "deviceClass");
		Objects.requireNonNull(os, "os");
		Objects.requireNonNull(browser, "browser");
	}

}
