package org.transferportal.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FaultInjector}: which faults the random rate mixes, and how a dropped
 * answer is cut short.
 */
class FaultInjectorTests {

	private static final ResponseEntity<String> ACCEPTED = SimJson.respond(202,
			SimJson.object("DATA_TYPE", "transfer_result", "code", "Accepted", "task_id", "t-1"));

	private final SimulatorStats stats = new SimulatorStats();

	private FaultInjector injector(double faultRate, String... faults) {
		SimulatorProperties properties = new SimulatorProperties(true, "id", "secret", Duration.ZERO, faultRate,
				List.of(faults), Duration.ZERO, Duration.ofHours(48), 1, true, null, 200, Duration.ofDays(7),
				DataSize.ofMegabytes(64));
		return new FaultInjector(properties, this.stats);
	}

	@Test
	void theRandomMixIncludesDroppedConnections() {
		FaultInjector faults = injector(1.0);
		Set<String> kinds = new HashSet<>();
		for (int i = 0; i < 500; i++) {
			kinds.add(kind(faults.faultFor("GET", "/task_list").orElseThrow()));
		}
		assertThat(kinds).containsExactlyInAnyOrder("429", "502", "503", "504", "drop");
	}

	@Test
	void lostAnswersOfAcceptedSubmissionsStallOrDrop() {
		FaultInjector faults = injector(1.0);
		Set<String> kinds = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			kinds.add(kind(faults.lostAnswer("POST", "/transfer", ACCEPTED).orElseThrow()));
		}
		assertThat(kinds).containsExactlyInAnyOrder("504", "drop");
	}

	@Test
	void aDroppedAcceptanceKeepsItsStatusAndPromisesMoreThanHalfItsBody() {
		ResponseEntity<String> dropped = injector(0, "POST /transfer:lost-drop:1")
			.lostAnswer("POST", "/transfer", ACCEPTED)
			.orElseThrow();
		assertThat(dropped.getStatusCode().value()).isEqualTo(202);
		assertThat(dropped.getHeaders().getConnection()).containsExactly("close");
		assertThat(ACCEPTED.getBody()).startsWith(dropped.getBody());
		assertThat(dropped.getHeaders().getContentLength()).isGreaterThan(ACCEPTED.getBody().length());
	}

	@Test
	void aNamedDropHitsAsManyCallsAsItsCountBeforeTheyTakeEffect() {
		FaultInjector faults = injector(0, "GET /submission_id:drop:2");
		assertThat(faults.faultFor("GET", "/submission_id").map(FaultInjectorTests::kind)).contains("drop");
		assertThat(faults.faultFor("GET", "/submission_id").map(FaultInjectorTests::kind)).contains("drop");
		assertThat(faults.faultFor("GET", "/submission_id")).isEmpty();
		assertThat(faults.lostAnswer("GET", "/submission_id", ACCEPTED)).isEmpty();
		assertThat(SimJson.read(this.stats.stats().getBody()).path("faults").path("drop").asInt()).isEqualTo(2);
	}

	@Test
	void aNamedInactiveFaultLetsTheSubmissionThroughAndExpiresItsTaskOnce() {
		FaultInjector faults = injector(0, "POST /transfer:inactive:1");
		assertThat(faults.faultFor("POST", "/transfer")).isEmpty();
		assertThat(faults.lostAnswer("POST", "/transfer", ACCEPTED)).isEmpty();
		assertThat(faults.expiresCredentials("POST", "/delete")).isFalse();
		assertThat(faults.expiresCredentials("POST", "/transfer")).isTrue();
		assertThat(faults.expiresCredentials("POST", "/transfer")).isFalse();
		assertThat(injector(1.0).expiresCredentials("POST", "/transfer")).as("never at random").isFalse();
	}

	@Test
	void anUnknownKindIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> injector(0, "GET /task_list:hang:1"))
			.withMessageContaining("hang");
	}

	private static String kind(ResponseEntity<String> answer) {
		HttpHeaders headers = answer.getHeaders();
		boolean cutShort = headers.getConnection().contains("close")
				&& headers.getContentLength() > answer.getBody().length();
		return cutShort ? "drop" : String.valueOf(answer.getStatusCode().value());
	}

}
