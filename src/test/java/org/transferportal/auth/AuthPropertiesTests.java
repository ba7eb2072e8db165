package org.transferportal.auth;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the login settings print about themselves.
 */
class AuthPropertiesTests {

	@Test
	void theTokenKeyIsNeverPrintedOnlyWhetherItIsSet() {
		String key = "q83vEi0Ywq2dBPeJ4dJ0K3b9hZt0N0tWm4u7j6d0zX8=";
		AuthProperties properties = new AuthProperties(key, "https://auth.globus.org", Duration.ofMinutes(30),
				Duration.ofMinutes(2), true, Duration.ofSeconds(30), Duration.ofHours(12), Duration.ofDays(30));

		assertThat(properties.toString()).doesNotContain(key).contains("tokenKey=(set)").contains("pkce=true");
	}

}
