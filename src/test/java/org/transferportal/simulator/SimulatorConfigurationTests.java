package org.transferportal.simulator;

import org.junit.jupiter.api.Test;

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
	void startsWhenNoRealCredentialsAreSet() {
		assertThatNoException().isThrownBy(() -> SimulatorConfiguration.refuseRealCredentials(null));
		assertThatNoException().isThrownBy(() -> SimulatorConfiguration.refuseRealCredentials("  "));
	}

}
