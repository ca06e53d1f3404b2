package io.pulsehub.ingestion.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IP address with its host part removed before it leaves the service: IPv4 keeps its
 * first three octets ({@code 203.0.113.7} → {@code 203.0.113.0}), IPv6 its first 48 bits
 * ({@code 2001:db8:85a3::8a2e:370:7334} → {@code 2001:db8:85a3::}).
 * <p>
 * Parses literals only and never resolves a name.
 */
final class TruncatedIp {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-f]{1,4}");

	private TruncatedIp() {
	}

	/**
	 * Truncates an IP literal.
	 * @param literal an IPv4 or IPv6 literal
	 * @return the truncated address
	 * @throws IllegalArgumentException when the text is not an IP literal
	 */
	static String of(String literal) {
		String text = literal.strip().toLowerCase(Locale.ROOT);
		Matcher v4 = IPV4.matcher(text);
		if (v4.matches()) {
			int[] octets = new int[4];
			for (int i = 0; i < 4; i++) {
				octets[i] = Integer.parseInt(v4.group(i + 1));
				if (octets[i] > 255) {
					throw new IllegalArgumentException("not an IP address");
				}
			}
			return octets[0] + "." + octets[1] + "." + octets[2] + ".0";
		}
		if (text.startsWith("::ffff:") && IPV4.matcher(text.substring(7)).matches()) {
			// an IPv4-mapped address is an IPv4 client
			return of(text.substring(7));
		}
		List<String> groups = ipv6Groups(text);
		return groups.get(0) + ":" + groups.get(1) + ":" + groups.get(2) + "::";
	}

	private static List<String> ipv6Groups(String text) {
		int gap = text.indexOf("::");
		if (text.isEmpty() || (gap >= 0 && text.indexOf("::", gap + 1) >= 0)) {
			throw new IllegalArgumentException("not an IP address");
		}
		List<String> head = hexGroups((gap >= 0) ? text.substring(0, gap) : text);
		List<String> tail = (gap >= 0) ? hexGroups(text.substring(gap + 2)) : List.of();
		int missing = 8 - head.size() - tail.size();
		if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
			throw new IllegalArgumentException("not an IP address");
		}
		List<String> groups = new ArrayList<>(head);
		for (int i = 0; i < missing && gap >= 0; i++) {
			groups.add("0");
		}
		groups.addAll(tail);
		return groups.stream().map((group) -> Integer.toHexString(Integer.parseInt(group, 16))).toList();
	}

	private static List<String> hexGroups(String part) {
		if (part.isEmpty()) {
			return List.of();
		}
		List<String> groups = new ArrayList<>();
		String[] pieces = part.split(":", -1);
		for (int i = 0; i < pieces.length; i++) {
			String piece = pieces[i];
			if (i == pieces.length - 1 && IPV4.matcher(piece).matches()) {
				// an IPv4 tail (::ffff:203.0.113.7) is the last two groups
				String[] octets = of(piece).split("\\.");
				groups.add(Integer.toHexString(Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1])));
				groups.add("0");
			}
			else if (HEX_GROUP.matcher(piece).matches()) {
				groups.add(piece);
			}
			else {
				throw new IllegalArgumentException("not an IP address");
			}
		}
		return groups;
	}

}
