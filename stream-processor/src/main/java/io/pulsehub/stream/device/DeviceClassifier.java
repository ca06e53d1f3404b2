package io.pulsehub.stream.device;

import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import org.jspecify.annotations.Nullable;

/**
 * Classifies user-agent strings into a {@link Device} with yauaa behind a bounded cache,
 * one instance shared by all stream threads.
 *
 * <p>
 * Building one takes a few seconds and holds over a hundred MiB of yauaa's matcher
 * tables, so make one per application, not per record or per task. It is thread-safe: the
 * cache is Caffeine, and yauaa runs each analysis inside a lock on its matcher (the same
 * in its cached and Direct analyzers), so concurrent misses queue behind each other while
 * hits never reach that lock.
 */
public final class DeviceClassifier {

	/**
	 * The longest agent that is analysed; longer ones are {@link Device#UNKNOWN} at once
	 * and never cached. Real browsers and bots stay well under a kilobyte.
	 */
	public static final int MAX_AGENT_LENGTH = 2048;

	private static final Set<String> UNTRUSTWORTHY_CLASSES = Set.of("Hacker", "Anonymized", UserAgent.UNKNOWN_VALUE);

	private static final Set<String> ROBOT_AGENT_CLASSES = Set.of("Robot", "Robot Mobile");

	private final UserAgentAnalyzer analyzer;

	private final Cache<String, Device> cache;

	/**
	 * Builds the analyzer, which takes seconds.
	 * @param cacheSize how many distinct agents to remember, at least 1
	 */
	public DeviceClassifier(int cacheSize) {
		if (cacheSize < 1) {
			throw new IllegalArgumentException("cacheSize must be positive: " + cacheSize);
		}
		this.analyzer = UserAgentAnalyzer.newBuilder()
			.withFields(UserAgent.DEVICE_CLASS, UserAgent.AGENT_CLASS, UserAgent.OPERATING_SYSTEM_NAME,
					UserAgent.AGENT_NAME)
			.withUserAgentMaxLength(MAX_AGENT_LENGTH)
			// our own cache keeps a small Device per agent, not yauaa's full parse result
			.withoutCache()
			.withoutClientHintsCache()
			// yauaa's bundled test cases only serve preheat(): ~25 MiB of heap for
			// nothing
			.dropTests()
			.hideMatcherLoadStats()
			.immediateInitialization()
			.build();
		this.cache = Caffeine.newBuilder().maximumSize(cacheSize).recordStats().build();
	}

	/**
	 * Classifies one agent; never throws and never returns {@code null}.
	 * @param userAgent the {@code User-Agent} header as received, possibly missing
	 * @return the device, {@link Device#UNKNOWN} when the agent is missing, blank, longer
	 * than {@link #MAX_AGENT_LENGTH} or unreadable
	 */
	public Device classify(@Nullable String userAgent) {
		if (userAgent == null || userAgent.length() > MAX_AGENT_LENGTH || userAgent.isBlank()) {
			return Device.UNKNOWN;
		}
		Device device = this.cache.getIfPresent(userAgent);
		if (device == null) {
			// Analysed outside the cache's compute: a miss waits for yauaa's lock, and
			// waiting inside a compute would also stall writers of unrelated agents. Two
			// threads racing on a new agent both analyse it, to the same result.
			device = analyze(userAgent);
			this.cache.put(userAgent, device);
		}
		return device;
	}

	/**
	 * How many classifications the cache answered; blank and overlong agents count as
	 * neither hits nor misses.
	 * @return the number of cache hits since construction
	 */
	public long cacheHits() {
		return this.cache.stats().hitCount();
	}

	/**
	 * How many classifications needed yauaa.
	 * @return the number of cache misses since construction
	 */
	public long cacheMisses() {
		return this.cache.stats().missCount();
	}

	private Device analyze(String userAgent) {
		UserAgent agent = this.analyzer.parse(userAgent);
		String reportedClass = agent.getValue(UserAgent.DEVICE_CLASS);
		if (reportedClass == null || UNTRUSTWORTHY_CLASSES.contains(reportedClass)) {
			// yauaa fills every field with "Hacker" for scripts and garbage, and with
			// fragments of the garbage when it knows nothing: none of it is a name
			return Device.UNKNOWN;
		}
		return new Device(deviceClass(reportedClass, agent.getValue(UserAgent.AGENT_CLASS)),
				name(agent.getValue(UserAgent.OPERATING_SYSTEM_NAME)), name(agent.getValue(UserAgent.AGENT_NAME)));
	}

	private static DeviceClass deviceClass(String reportedClass, @Nullable String agentClass) {
		if (agentClass != null && ROBOT_AGENT_CLASSES.contains(agentClass)) {
			// headless browsers keep the device class of the machine they run on
			return DeviceClass.BOT;
		}
		return switch (reportedClass) {
			case "Desktop" -> DeviceClass.DESKTOP;
			case "Phone", "Mobile", "Watch", "Handheld Game Console", "Augmented Reality", "Virtual Reality" ->
				DeviceClass.MOBILE;
			case "Tablet", "eReader" -> DeviceClass.TABLET;
			case "Robot", "Robot Mobile", "Robot Imitator" -> DeviceClass.BOT;
			// Set-top box, TV, Game Console, Home Appliance, Voice, Car: people, yet none
			// of
			// our classes; forcing them into DESKTOP would skew the desktop tags
			default -> DeviceClass.UNKNOWN;
		};
	}

	private static String name(@Nullable String value) {
		if (value == null || value.isBlank() || "??".equals(value) || UserAgent.NULL_VALUE.equals(value)) {
			return Device.UNKNOWN_NAME;
		}
		return value;
	}

}
