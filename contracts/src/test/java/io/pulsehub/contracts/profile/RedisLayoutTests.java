package io.pulsehub.contracts.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisLayoutTests {

	@Test
	void namesTheProfileHashAndTheErasureTombstoneOfAUser() {
		assertThat(RedisLayout.profileKey("u-1")).isEqualTo("profile:u-1");
		assertThat(RedisLayout.erasedKey("u-1")).isEqualTo("erased:u-1");
	}

	@Test
	void listsEveryKeyOfAUserWithoutItsTombstone() {
		assertThat(RedisLayout.userKeys("u-1")).containsExactly("profile:u-1").doesNotContain("erased:u-1");
	}

	@Test
	void namesTheGuardedVersionOfADocumentSection() {
		assertThat(UserProfileDocument.versionPath(UserProfileDocument.REALTIME)).isEqualTo("sources.realtime.version");
	}

}
