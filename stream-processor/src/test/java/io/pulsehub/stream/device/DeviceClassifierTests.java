package io.pulsehub.stream.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeviceClassifierTests {

	private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

	// yauaa takes seconds to build: one for the whole class
	private static DeviceClassifier classifier;

	@BeforeAll
	static void buildClassifier() {
		classifier = new DeviceClassifier(1_000);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					Chrome on Windows      | DESKTOP | Windows NT      | Chrome             | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36
					Edge on Windows        | DESKTOP | Windows NT      | Edge               | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80
					# an iPad on iPadOS 13+ sends exactly this agent by default, so it reads as a Mac
					Safari on macOS        | DESKTOP | Mac OS          | Safari             | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15
					Firefox on Linux       | DESKTOP | Linux           | Firefox            | Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0
					Firefox on Ubuntu      | DESKTOP | Ubuntu          | Firefox            | Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0
					Chrome on ChromeOS     | DESKTOP | Chrome OS       | Chrome             | Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36
					Safari on iPhone       | MOBILE  | iOS             | Safari             | Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1
					Chrome on iPhone       | MOBILE  | iOS             | Chrome             | Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1
					Safari on iPad         | TABLET  | iOS             | Safari             | Mozilla/5.0 (iPad; CPU OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1
					Chrome on Android      | MOBILE  | Android         | Chrome             | Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36
					Reduced Chrome phone   | MOBILE  | Android         | Chrome             | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36
					Samsung Internet phone | MOBILE  | Android         | SamsungBrowser     | Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36
					Galaxy Tab             | TABLET  | Android         | Chrome             | Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36
					Reduced Chrome tablet  | TABLET  | Android         | Chrome             | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36
					Kindle Fire            | TABLET  | FireOS          | Silk               | Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/124.1.1 like Chrome/124.0.6367.179 Safari/537.36
					Googlebot              | BOT     | Google Cloud    | Googlebot          | Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
					Googlebot smartphone   | BOT     | Google Cloud    | Googlebot          | Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
					Bingbot                | BOT     | Microsoft Cloud | Bingbot            | Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)
					Googlebot imitator     | BOT     | Cloud           | Googlebot Imitator | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.103 Safari/537.36 Googlebot
					Headless Chrome        | BOT     | Windows NT      | Chrome             | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36
					# scripted HTTP clients: yauaa reports them as Robot (OS Cloud), so they are bots, not people
					curl                   | BOT     | Cloud           | Curl               | curl/8.5.0
					Wget                   | BOT     | Cloud           | Wget               | Wget/1.21.4
					python-requests        | BOT     | Cloud           | Python-Requests    | python-requests/2.31.0
					Go HTTP client         | BOT     | Cloud           | Go http client     | Go-http-client/1.1
					# people on a device none of our classes fits: the class is UNKNOWN, the names are kept
					Samsung smart TV       | UNKNOWN | Tizen           | SamsungBrowser     | Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36
					PlayStation 5          | UNKNOWN | PS5 OS          | Safari             | Mozilla/5.0 (PlayStation; PlayStation 5/2.26) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0 Safari/605.1.15
					""")
	void classifiesARealAgent(String description, DeviceClass deviceClass, String os, String browser,
			String userAgent) {
		assertThat(classifier.classify(userAgent)).isEqualTo(new Device(deviceClass, os, browser));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "   ", "\t", "\r\n" })
	void answersUnknownForAMissingOrBlankAgentWithoutAnalysingIt(String userAgent) {
		long misses = classifier.cacheMisses();
		assertThat(classifier.classify(userAgent)).isSameAs(Device.UNKNOWN);
		assertThat(classifier.cacheMisses()).isEqualTo(misses);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mozilla/5.0", "asdfghjkl qwerty", "-", "null", "<script>alert(1)</script>", "' OR 1=1 --",
			"sqlmap/1.7.2#stable (https://sqlmap.org)",
			"Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)" })
	void answersUnknownForAnAgentThatSaysNothingOrIsAScannerOrAnAttack(String userAgent) {
		assertThat(classifier.classify(userAgent)).isSameAs(Device.UNKNOWN);
	}

	@Test
	void answersUnknownForGarbageWithinTheLengthLimitWithoutEchoingIt() {
		String garbage = randomPrintable(DeviceClassifier.MAX_AGENT_LENGTH, 7);
		assertThat(classifier.classify(garbage)).isSameAs(Device.UNKNOWN);
	}

	@Test
	void answersUnknownForTenKilobytesOfGarbageWithoutAnalysingOrCachingIt() {
		String garbage = randomPrintable(10 * 1024, 42);
		long hits = classifier.cacheHits();
		long misses = classifier.cacheMisses();
		assertThat(classifier.classify(garbage)).isSameAs(Device.UNKNOWN);
		assertThat(classifier.classify(garbage)).isSameAs(Device.UNKNOWN);
		assertThat(classifier.cacheHits()).isEqualTo(hits);
		assertThat(classifier.cacheMisses()).isEqualTo(misses);
	}

	@Test
	void refusesAnAgentOneCharacterOverTheLimitEvenIfItIsReal() {
		String padded = CHROME_ON_WINDOWS
				+ " ".repeat(DeviceClassifier.MAX_AGENT_LENGTH + 1 - CHROME_ON_WINDOWS.length());
		assertThat(classifier.classify(padded)).isSameAs(Device.UNKNOWN);
		assertThat(classifier.classify(padded.substring(0, DeviceClassifier.MAX_AGENT_LENGTH)))
			.extracting(Device::deviceClass)
			.isEqualTo(DeviceClass.DESKTOP);
	}

	@Test
	void answersARepeatedAgentFromTheCache() {
		String agent = CHROME_ON_WINDOWS.replace("124.0.0.0", "124.0.0.1");
		long hits = classifier.cacheHits();
		long misses = classifier.cacheMisses();
		Device first = classifier.classify(agent);
		Device second = classifier.classify(agent);
		assertThat(second).isSameAs(first);
		assertThat(classifier.cacheMisses() - misses).isOne();
		assertThat(classifier.cacheHits() - hits).isOne();
	}

	@Test
	void classifiesFromSeveralThreadsAtOnce() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<Device>>> results = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				int base = thread * 50;
				results.add(threads.submit(() -> classifyDistinctChromeVersions(base, 50)));
			}
			for (Future<List<Device>> result : results) {
				assertThat(result.get()).hasSize(50)
					.containsOnly(new Device(DeviceClass.DESKTOP, "Windows NT", "Chrome"));
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1 })
	void refusesACacheSizeBelowOneBeforeBuildingAnything(int cacheSize) {
		assertThatIllegalArgumentException().isThrownBy(() -> new DeviceClassifier(cacheSize))
			.withMessageContaining("cacheSize");
	}

	private static List<Device> classifyDistinctChromeVersions(int base, int count) {
		List<Device> devices = new ArrayList<>();
		for (int build = base; build < base + count; build++) {
			// a distinct agent per call, so every call misses the cache and reaches yauaa
			devices.add(classifier.classify(CHROME_ON_WINDOWS.replace("124.0.0.0", "124.0." + build + ".17")));
		}
		return devices;
	}

	private static String randomPrintable(int length, long seed) {
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
		}
		return text.toString();
	}

}
