package org.transferportal.simulator;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded Globus simulator ({@code simulator.*}).
 *
 * @param enabled whether the simulator answers at all
 * @param clientId the one confidential client the simulated Globus Auth knows
 * @param clientSecret that client's secret
 * @param latency delay added to every Transfer call and to the token endpoint
 * @param faultRate fraction (0..1) of Transfer calls answered with a random fault
 * @param faults one-off faults in the form {@code METHOD PATH:STATUS:COUNT}, e.g.
 * {@code POST /transfer:502:1}; STATUS is 429, 502, 503, {@code slow}, {@code drop},
 * {@code lost}, {@code lost-drop} or {@code inactive} (see {@link FaultInjector})
 * @param slowDelay how long a {@code slow} fault stalls before answering
 * @param tokenLifetime lifetime of issued access tokens
 * @param timeAcceleration how much faster than real time tasks progress
 * @param shuffleOtherTokens whether {@code other_tokens} comes in random order
 * @param redirectUris the portal's registered redirect URIs, compared exactly; empty: its
 * callback path on a loopback host, any port
 * @param keptFinishedTasks how many finished tasks of each user the simulator keeps (the
 * oldest are forgotten beyond it)
 * @param finishedTaskLifetime how long after finishing a task is forgotten anyway
 * @param httpsMaxUpload the largest file the simulated HTTPS servers take in one PUT
 * (they keep uploads in memory, at most eight of this size in all)
 */
@ConfigurationProperties("simulator")
public record SimulatorProperties(@DefaultValue("false") boolean enabled, String clientId, String clientSecret,
		@DefaultValue("0s") Duration latency, @DefaultValue("0") double faultRate, List<String> faults,
		@DefaultValue("35s") Duration slowDelay, @DefaultValue("48h") Duration tokenLifetime,
		@DefaultValue("1") double timeAcceleration, @DefaultValue("true") boolean shuffleOtherTokens,
		List<String> redirectUris, @DefaultValue("200") int keptFinishedTasks,
		@DefaultValue("7d") Duration finishedTaskLifetime, @DefaultValue("64MB") DataSize httpsMaxUpload) {

	public SimulatorProperties {
		faults = (faults != null) ? List.copyOf(faults) : List.of();
		redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
		if (faultRate < 0 || faultRate > 1) {
			throw new IllegalArgumentException("simulator.fault-rate must be between 0 and 1");
		}
		if (keptFinishedTasks < 0) {
			throw new IllegalArgumentException("simulator.kept-finished-tasks must not be negative");
		}
		if (timeAcceleration <= 0) {
			throw new IllegalArgumentException("simulator.time-acceleration must be positive");
		}
	}

}
