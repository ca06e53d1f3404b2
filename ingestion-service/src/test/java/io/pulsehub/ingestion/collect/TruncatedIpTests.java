package io.pulsehub.ingestion.collect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TruncatedIpTests {

	@ParameterizedTest
	@CsvSource({ "203.0.113.77, 203.0.113.0", "10.0.0.1, 10.0.0.0", "255.255.255.255, 255.255.255.0",
			"2001:db8:85a3::8a2e:370:7334, 2001:db8:85a3::", "2001:0DB8:85A3:0000:0000:8A2E:0370:7334, 2001:db8:85a3::",
			"::1, 0:0:0::", "fe80::1, fe80:0:0::", "::ffff:198.51.100.23, 198.51.100.0",
			"64:ff9b::203.0.113.7, 64:ff9b:0::" })
	void removesTheHostPart(String address, String truncated) {
		assertThat(TruncatedIp.of(address)).isEqualTo(truncated);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "example.com", "256.1.1.1", "1.2.3", "1:2:3", "1::2::3", "12345::",
			"1:2:3:4:5:6:7:8:9", "localhost", "::g" })
	void refusesWhatIsNotAnIpLiteral(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> TruncatedIp.of(text));
	}

}
