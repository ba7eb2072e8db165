package org.transferportal.simulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link SimulatorConfiguration}.
 */
class SimulatorConfigurationTests {

	@Test
	void refusesToStartWhenRealGlobusCredentialsAreSet() {
		assertThatIllegalStateException().isThrownBy(() -> SimulatorConfiguration.refuseRealCredentials("real-id"))
			.withMessageContaining("GLOBUS_CLIENT_ID");
	}

	@Test
	void theSettingsNeverPrintTheClientSecret() {
		SimulatorProperties properties = new SimulatorProperties(true, "demo-client", "s3cr3t-value", Duration.ZERO, 0,
				List.of(), Duration.ZERO, Duration.ofHours(48), 1, true, null, 200, Duration.ofDays(7),
				DataSize.ofMegabytes(64), 3600);
		assertThat(properties.toString()).doesNotContain("s3cr3t-value")
			.contains("clientSecret=(set)")
			.contains("demo-client");
	}

	@Test
	void startsWhenNoRealCredentialsAreSet() {
		assertThatNoException().isThrownBy(() -> SimulatorConfiguration.refuseRealCredentials(null));
		assertThatNoException().isThrownBy(() -> SimulatorConfiguration.refuseRealCredentials("  "));
	}

}
