package org.transferportal.simulator.timers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.unit.DataSize;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.ConsentLedger;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.SimJson;
import org.transferportal.simulator.SimScope;
import org.transferportal.simulator.SimulatorProperties;
import org.transferportal.simulator.TokenStore;
import org.transferportal.simulator.transfer.TransferOnBehalf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The simulated Timers' schedule, moved by hand through chosen instants: ticks at
 * {@code start + n * interval} on the timer's accelerated clock, skipped while a run is
 * still going, a user's runs a minute apart, the end conditions, and a missing consent
 * making the timer inactive until it is resumed.
 */
class TimerEngineTests {

	private static final String OWNER = "ae332d86-d274-11e5-b885-b31714a110e9";

	private static final String CLIENT = "portal";

	private static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	private static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	private static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	/** At this pace an hour of a timer's clock passes in one real second. */
	private static final double ACCELERATION = 3600;

	private final SimulatorProperties properties = new SimulatorProperties(true, CLIENT, "secret", Duration.ZERO, 0,
			List.of(), Duration.ofSeconds(1), Duration.ofHours(1), 1, false, List.of(), 10, Duration.ofDays(1),
			DataSize.ofMegabytes(64), ACCELERATION);

	private final TokenStore tokens = new TokenStore(this.properties);

	private final ConsentLedger consents = new ConsentLedger();

	private final TransferOnBehalf transfer = mock(TransferOnBehalf.class);

	private final TimerEngine engine = new TimerEngine(this.properties, this.tokens, this.consents,
			new CollectionCatalog(new IdentityDirectory()), this.transfer, false);

	/** The submission ids of the runs Transfer got, in order. */
	private final List<String> submitted = new ArrayList<>();

	private String taskStatus = "SUCCEEDED";

	@AfterEach
	void stop() {
		this.engine.destroy();
	}

	private void consentTo(String... collections) {
		List<SimScope> dataAccess = new ArrayList<>();
		for (String collection : collections) {
			dataAccess
				.add(new SimScope("https://auth.globus.org/scopes/" + collection + "/data_access", true, List.of()));
		}
		this.consents.record(OWNER, CLIENT, List.of(new SimScope(TimerEngine.TIMER_SCOPE, false,
				List.of(new SimScope(TimerEngine.TRANSFER_ALL, false, dataAccess)))));
	}

	private void transferAccepts() {
		when(this.transfer.submit(eq(OWNER), eq(CLIENT), any(), anyString(), eq(TimerEngine.CHAIN)))
			.thenAnswer((call) -> {
				this.submitted.add(call.getArgument(3));
				return new TransferOnBehalf.Result("task-" + this.submitted.size(), 202, null);
			});
		when(this.transfer.status(eq(OWNER), anyString())).thenAnswer((call) -> java.util.Optional.of(this.taskStatus));
	}

	private SimTimer timer(String schedule, String source) {
		ObjectNode body = (ObjectNode) SimJson.read("""
				{"DATA_TYPE": "transfer", "source_endpoint": "%s", "destination_endpoint": "%s",
				 "DATA": [{"DATA_TYPE": "transfer_item", "source_path": "/a/", "destination_path": "/b/"}]}"""
			.formatted(source, TUTORIAL_2));
		TimerRequests.NewTimer request = TimerRequests
			.parse(SimJson.read("{\"timer\": {\"timer_type\": \"transfer\", \"name\": \"t\", \"schedule\": " + schedule
					+ ", \"body\": " + body + "}}"), this.tokens.now());
		return this.engine.create(OWNER, CLIENT, request);
	}

	/**
	 * The real instant at which the timer's clock reads this many hours after creation.
	 */
	private static Instant hoursLater(SimTimer timer, double hours) {
		return timer.submittedAt.plusMillis(Math.round(hours * 3600_000 / ACCELERATION));
	}

	@Test
	void aRecurringTimerRunsAtEachTickOfItsAcceleratedClock() {
		consentTo();
		transferAccepts();
		SimTimer timer = timer("{\"type\": \"recurring\", \"interval_seconds\": 86400}", TUTORIAL_1);
		Instant start = timer.plan.start();

		this.engine.tick(timer, hoursLater(timer, 0.001));
		this.engine.tick(timer, hoursLater(timer, 12));
		this.engine.tick(timer, hoursLater(timer, 24.01));

		assertThat(timer.runs).extracting(SimTimer.Run::ranAt).containsExactly(start, start.plusSeconds(86400));
		assertThat(timer.runs).extracting(SimTimer.Run::taskId).containsExactly("task-1", "task-2");
		assertThat(timer.nextRun).isEqualTo(start.plusSeconds(2 * 86400));
		assertThat(timer.status).isEqualTo("active");
		assertThat(this.submitted).doesNotHaveDuplicates();
	}

	@Test
	void aTickWhileTheRunBeforeIsStillGoingIsSkippedAndNotCounted() {
		consentTo();
		transferAccepts();
		SimTimer timer = timer(
				"{\"type\": \"recurring\", \"interval_seconds\": 3600, \"end\": {\"condition\": \"iterations\", \"count\": 2}}",
				TUTORIAL_1);
		this.taskStatus = "ACTIVE";
		this.engine.tick(timer, hoursLater(timer, 0.001));
		this.engine.tick(timer, hoursLater(timer, 1.001));
		this.engine.tick(timer, hoursLater(timer, 2.001));
		assertThat(timer.runCount).as("two ticks skipped while the first run's task was active").isEqualTo(1);

		this.taskStatus = "SUCCEEDED";
		this.engine.tick(timer, hoursLater(timer, 3.001));

		assertThat(timer.runs).extracting(SimTimer.Run::ranAt)
			.containsExactly(timer.plan.start(), timer.plan.start().plusSeconds(3 * 3600));
		assertThat(timer.status).as("two runs were asked for").isEqualTo("ended");
		assertThat(timer.nextRun).isNull();
	}

	@Test
	void aUsersTimersRunAtMostOnceAMinuteTogether() {
		consentTo();
		transferAccepts();
		SimTimer first = timer("{\"type\": \"recurring\", \"interval_seconds\": 60}", TUTORIAL_1);
		SimTimer second = timer("{\"type\": \"recurring\", \"interval_seconds\": 60}", TUTORIAL_1);
		Instant now = hoursLater(second, 0.001);

		this.engine.tick(first, now);
		this.engine.tick(second, now.plusMillis(5));
		assertThat(second.runs).as("due, but a run of the same user came less than a minute before").isEmpty();

		// A minute of the timers' clock is 60 / 3600 s of real time.
		this.engine.tick(second, now.plusMillis(17));
		assertThat(second.runs).hasSize(1);
	}

	@Test
	void aOnceTimerEndsAfterItsRunAndATimeEndStopsARecurringOne() {
		consentTo();
		transferAccepts();
		SimTimer once = timer("{\"type\": \"once\"}", TUTORIAL_1);
		this.engine.tick(once, hoursLater(once, 0.001));
		assertThat(once.status).isEqualTo("ended");
		assertThat(once.runCount).isEqualTo(1);

		String end = TimerJson.time(this.tokens.now().plusSeconds(3 * 3600 + 60));
		SimTimer until = timer(
				"{\"type\": \"recurring\", \"interval_seconds\": 3600, \"end\": {\"condition\": \"time\","
						+ " \"datetime\": \"" + end + "\"}}",
				TUTORIAL_1);
		// A tenth of an hour past each tick: the once timer's run, a few real
		// milliseconds
		// before, is then always more than a minute of the timers' clock behind.
		for (int hour = 0; hour <= 5; hour++) {
			this.engine.tick(until, hoursLater(until, hour + 0.1));
		}
		assertThat(until.runCount).isEqualTo(4);
		assertThat(until.status).isEqualTo("ended");
	}

	@Test
	void aRunWithoutItsDataAccessConsentMakesTheTimerInactiveAndResumingRunsTheMissedTick() {
		consentTo();
		when(this.transfer.submit(eq(OWNER), eq(CLIENT), any(), anyString(), eq(TimerEngine.CHAIN)))
			.thenReturn(new TransferOnBehalf.Result(null, 403,
					SimJson.object("code", "ConsentRequired", "message", "Missing required data_access consent",
							"authorization_parameters",
							SimJson.object("required_scopes", List.of(TimerEngine.TRANSFER_ALL
									+ "[*https://auth.globus.org/scopes/" + LAB_DATA + "/data_access]")))));
		SimTimer timer = timer("{\"type\": \"recurring\", \"interval_seconds\": 86400}", LAB_DATA);

		this.engine.tick(timer, hoursLater(timer, 0.001));

		assertThat(timer.status).isEqualTo("inactive");
		assertThat(timer.inactiveCause).isEqualTo("globus_auth_requirements");
		assertThat(timer.inactiveDetail).containsEntry("code", "ConsentRequired");
		@SuppressWarnings("unchecked")
		Map<String, Object> parameters = (Map<String, Object>) timer.inactiveDetail.get("authorization_parameters");
		assertThat(parameters.get("required_scopes")).isEqualTo(List.of(TimerEngine.TIMER_SCOPE + "["
				+ TimerEngine.TRANSFER_ALL + "[*https://auth.globus.org/scopes/" + LAB_DATA + "/data_access]]"));
		assertThat(timer.runs).isEmpty();
		assertThat(timer.nextRun).as("the tick is kept for when it resumes").isEqualTo(timer.plan.start());

		consentTo(LAB_DATA);
		transferAccepts();
		this.engine.resume(timer, true);
		this.engine.tick(timer, hoursLater(timer, 30));

		assertThat(timer.status).isEqualTo("active");
		assertThat(timer.runs).extracting(SimTimer.Run::ranAt).containsExactly(timer.plan.start());
		assertThat(timer.nextRun).as("then on schedule again, skipping what passed")
			.isEqualTo(timer.plan.start().plusSeconds(2 * 86400));
	}

	@Test
	void aRevokedConsentToTimersNeedsNewCredentialsNotJustAResume() {
		consentTo();
		transferAccepts();
		SimTimer timer = timer("{\"type\": \"recurring\", \"interval_seconds\": 3600}", TUTORIAL_1);
		long root = this.consents.consentId(OWNER, CLIENT, List.of(TimerEngine.TIMER_SCOPE)).orElseThrow();
		this.consents.revoke(OWNER, root);
		consentTo();

		this.engine.tick(timer, hoursLater(timer, 0.01));
		assertThat(timer.status).isEqualTo("inactive");
		this.engine.resume(timer, false);
		this.engine.tick(timer, hoursLater(timer, 0.02));
		assertThat(timer.status).as("still the old, revoked grant").isEqualTo("inactive");

		this.engine.resume(timer, true);
		this.engine.tick(timer, hoursLater(timer, 0.03));
		assertThat(timer.status).isEqualTo("active");
		assertThat(timer.runs).hasSize(1);
	}

	@Test
	void aPausedTimerDoesNotRunAndSaysItWasTheUser() {
		consentTo();
		transferAccepts();
		SimTimer timer = timer("{\"type\": \"recurring\", \"interval_seconds\": 3600}", TUTORIAL_1);
		this.engine.pause(timer);

		this.engine.tick(timer, hoursLater(timer, 5));

		assertThat(timer.runs).isEmpty();
		assertThat(timer.inactiveCause).isEqualTo("user");
		assertThat(TimerJson.job(timer, hoursLater(timer, 5), (o, t) -> null, 0, 10).get("activity"))
			.isEqualTo(Map.of("code", "paused", "reason", "user"));
	}

}
