package org.transferportal.globus;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Globus settings print about themselves.
 */
class GlobusPropertiesTests {

	@Test
	void theClientSecretIsNeverPrintedOnlyWhetherItIsSet() {
		GlobusProperties properties = GlobusFixtures.properties("https://auth.example.org/", Duration.ofSeconds(2), 3);

		assertThat(properties.toString()).doesNotContain(GlobusFixtures.CLIENT_SECRET)
			.contains("clientSecret=(set)")
			.contains(GlobusFixtures.CLIENT_ID);
	}

}
