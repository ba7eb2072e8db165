package org.transferportal.schedules;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import org.transferportal.simulator.FaultInjector;
import org.transferportal.tasks.ScheduleWentInactive;
import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.DemoTestSupport;
import org.transferportal.support.DemoUserAgent.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules through the whole portal in the demo, against the simulated Globus Timers: a
 * schedule over a mapped collection costs one trip to Globus Auth and makes one timer; a
 * double submit, even with Timers' answer lost, makes one; a schedule Globus stopped for
 * a revoked consent is repaired by "Fix and resume"; and the audit records the schedule
 * and its runs' tasks.
 *
 * <p>
 * The schedule tests share a demo of their own ({@link #TIMERS_PACE}): their timers run
 * every few seconds and submit tasks as Alice, Bob and Carol, which the other demo tests
 * must not find among their tasks and figures.
 */
@TestPropertySource(properties = { ScheduleFlowIntegrationTests.TIMERS_PACE, "simulator.slow-delay=1s" })
class ScheduleFlowIntegrationTests extends DemoTestSupport {

	/**
	 * Half a day of a timer's clock a second: a nightly schedule runs every 2 s. The
	 * schedules' browser test has the same settings, and so the same demo.
	 */
	static final String TIMERS_PACE = "simulator.timers-acceleration=43200";

	static final String TIMER_SCOPE = "https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer";

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String SHARED_RESULTS = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	static final String CLINICAL = "0b7c5a1e-9d2f-4c8e-b6a3-2f1e4d5c6b7a";

	private static final Pattern SCHEDULE_PATH = Pattern.compile("/schedules/([0-9a-f-]{36})");

	/**
	 * Collects the events the portal announces when Globus stops a schedule. Added to the
	 * running context rather than declared as a test configuration, which would give this
	 * class a demo of its own.
	 */
	static final class Stops implements ApplicationListener<ApplicationEvent> {

		final List<ScheduleWentInactive> seen = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof PayloadApplicationEvent<?> published
					&& published.getPayload() instanceof ScheduleWentInactive stop) {
				this.seen.add(stop);
			}
		}

	}

	@Autowired
	FaultInjector faults;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	private final Stops stops = new Stops();

	@BeforeEach
	void listen() {
		this.context.addApplicationListener(this.stops);
	}

	@AfterEach
	void stopListening() {
		this.context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(this.stops);
	}

	private DemoUserAgent agent(String username) {
		return new DemoUserAgent(base(), username);
	}

	private static String deepLink(String source, String sourcePath, String destination, String destinationPath,
			String label) {
		return "/transfer?source_collection=" + source + "&source_path=" + encode(sourcePath)
				+ "&destination_collection=" + destination + "&destination_path=" + encode(destinationPath) + "&label="
				+ encode(label) + "&schedule_type=recurring&schedule_interval_hours=24";
	}

	/** The form's fields as the browser would post them, with the schedule section. */
	private static Map<String, String> posted(Page form) {
		Map<String, String> fields = new LinkedHashMap<>();
		// A new form carries its key (its draft is made at the first post), a draft's
		// form
		// its draft id.
		for (String name : List.of("key", "draft", "source_collection", "source_path", "destination_collection",
				"destination_path", "label", "schedule_interval_hours", "schedule_start", "schedule_end_count",
				"schedule_end")) {
			if (form.field(name) != null) {
				fields.put(name, form.field(name));
			}
		}
		fields.put("form", "1");
		fields.put("verify_checksum", "true");
		fields.put("notify_on_failed", "true");
		fields.put("schedule_type", "recurring");
		return fields;
	}

	private static String scheduleId(Page page) {
		Matcher matcher = SCHEDULE_PATH.matcher(page.uri().getPath());
		assertThat(matcher.find()).as("landed on a schedule's page: " + page.uri()).isTrue();
		return matcher.group(1);
	}

	/** Opens a page until it meets the condition (polling, never timing). */
	private static Page await(DemoUserAgent agent, String path, Predicate<Page> condition, String what)
			throws InterruptedException {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
		Page page = agent.open(path);
		while (!condition.test(page)) {
			assertThat(Instant.now()).as(what + ": " + page.body()).isBefore(giveUp);
			Thread.sleep(200);
			page = agent.open(path);
		}
		return page;
	}

	/** How many of the user's schedules on the list page carry this name. */
	private static long listed(DemoUserAgent agent, String name) {
		Page list = agent.open("/schedules");
		return Pattern.compile(">" + Pattern.quote(name) + "</a>").matcher(list.body()).results().count();
	}

	@Test
	void aScheduleOverAMappedCollectionGoesThroughConsentOnceAndMakesOneTimer() throws Exception {
		DemoUserAgent alice = agent("alice@globusid.org");
		// As a new user: whatever Alice allowed Timers in the other schedule tests is
		// gone.
		revokeTimers(alice);
		String label = "Nightly " + UUID.randomUUID().toString().substring(0, 8);
		Page form = alice
			.open(deepLink(LAB_DATA, "/projects/alpha/analysis/", SHARED_RESULTS, "/nightly-alice/", label));
		assertThat(form.uri().getPath()).isEqualTo("/transfer");
		assertThat(form.body()).contains("value=\"recurring\" id=\"schedule_recurring\" checked");
		assertThat(form.field("schedule_interval_hours")).isEqualTo("24");
		int before = alice.consentPages().size();

		Page schedule = alice.post("/transfer", form, posted(form));

		String id = scheduleId(schedule);
		assertThat(alice.consentPages()).as("one trip to Globus Auth").hasSize(before + 1);
		String consent = alice.consentPages().get(before);
		assertThat(consent).contains("Globus Timers").contains("Lab Data").contains("when your timers run");
		assertThat(schedule.body()).contains(label).contains("Every day").contains("Lab Data");
		assertThat(listed(alice, label)).as("one timer at Globus").isEqualTo(1);
		assertThat(this.jdbc.sql("select consent_trips from transfer_request where schedule_id = ? and status = ?")
			.params(id, "SCHEDULED")
			.query(Integer.class)
			.single()).isEqualTo(1);

		// A second schedule over the same collections costs no trip.
		String again = label + " again";
		Page second = alice.open(deepLink(LAB_DATA, "/projects/alpha/analysis/", SHARED_RESULTS, "/nightly-2/", again));
		scheduleId(alice.post("/transfer", second, posted(second)));
		assertThat(alice.consentPages()).hasSize(before + 1);

		// Runs come (accelerated): each links its task, and the audit records the
		// schedule's creation and each run's task.
		Page ran = await(alice, "/schedules/" + id, (p) -> p.body().contains("class=\"run-task\""), "a run");
		Matcher task = Pattern.compile("href=\"/tasks/([0-9a-f-]{36})\" class=\"run-task\"").matcher(ran.body());
		assertThat(task.find()).isTrue();
		assertThat(alice.open("/tasks/" + task.group(1)).body()).contains(label);
		Page audit = alice.open("/lab/audit");
		assertThat(audit.body()).contains("schedule created").contains("/schedules/" + id).contains(task.group(1));

		// A finished run's task offers "Schedule this…": its request in the form, with a
		// nightly schedule proposed.
		Page done = await(alice, "/tasks/" + task.group(1), (p) -> p.body().contains("id=\"schedule-this\""),
				"the run's task finished");
		Page proposed = alice.post("/schedules/from-task/" + task.group(1), done, Map.of());
		assertThat(proposed.uri().getPath()).startsWith("/transfer/drafts/");
		assertThat(proposed.body()).contains("value=\"" + label + "\"")
			.contains("value=\"recurring\" id=\"schedule_recurring\" checked");
		assertThat(proposed.field("schedule_interval_hours")).isEqualTo("24");
		assertThat(alice.post("/schedules/from-task/" + UUID.randomUUID(), done, Map.of()).status()).isEqualTo(404);
	}

	@Test
	void aDoubleSubmitWhoseAnswerTimersLostMakesOneTimer() throws Exception {
		DemoUserAgent bob = agent("bob@uchicago.edu");
		// A first schedule gives Bob his consents, so that both clicks go straight to
		// Timers.
		Page first = bob.open(deepLink(LAB_DATA, "/projects/alpha/analysis/", SHARED_RESULTS, "/bob-1/", "Bob first"));
		scheduleId(bob.post("/transfer", first, posted(first)));

		String label = "Twice " + UUID.randomUUID().toString().substring(0, 8);
		Page form = bob.open(deepLink(LAB_DATA, "/projects/alpha/analysis/", SHARED_RESULTS, "/bob-2/", label));
		// Timers makes the timer, then its answer stalls and ends in a 504.
		this.faults.arm("POST /v2/timer:lost:1");
		CompletableFuture<Page> click = CompletableFuture.supplyAsync(() -> bob.post("/transfer", form, posted(form)));
		CompletableFuture<Page> again = CompletableFuture.supplyAsync(() -> bob.post("/transfer", form, posted(form)));

		String id = scheduleId(click.get());
		assertThat(scheduleId(again.get())).isEqualTo(id);
		assertThat(listed(bob, label)).isEqualTo(1);
		// And a third post of the same form (a resent request) lands on it too.
		assertThat(scheduleId(bob.post("/transfer", form, posted(form)))).isEqualTo(id);
		assertThat(listed(bob, label)).isEqualTo(1);
	}

	@Test
	void aScheduleStoppedForARevokedConsentIsRepairedByFixAndResume() throws Exception {
		DemoUserAgent carol = agent("carol@example.edu");
		String label = "Repair " + UUID.randomUUID().toString().substring(0, 8);
		Page form = carol.open(deepLink(LAB_DATA, "/projects/alpha/analysis/", SHARED_RESULTS, "/carol/", label));
		String id = scheduleId(carol.post("/transfer", form, posted(form)));
		await(carol, "/schedules/" + id, (p) -> p.body().contains("class=\"run-task\""), "a first run");

		revokeLabDataBelowTimers(carol);
		Page stopped = await(carol, "/schedules/" + id, (p) -> p.body().contains("id=\"fix-and-resume\""),
				"stopped by Globus");
		assertThat(stopped.body()).contains("Globus stopped this schedule")
			.contains("your consent for it to access Lab Data");
		assertThat(this.stops.seen).filteredOn((event) -> event.timerId().equals(id))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.reason()).contains("your consent for it to access Lab Data");
				assertThat(event.username()).isEqualTo("carol@example.edu");
				assertThat(event.name()).isEqualTo(label);
			});
		// The notifications take the stop from there: the owner's e-mail, kept in the
		// demo's
		// outbox (no mail server).
		// Listed by its event until the outbox has written it, then by its subject.
		assertThat(carol.open("/notifications").body())
			.containsPattern("(schedule\\.inactive|Schedule stopped): " + Pattern.quote(label));
		int pages = carol.consentPages().size();

		Page fixed = carol.post("/schedules/" + id + "/fix", stopped, Map.of());

		assertThat(carol.consentPages()).as("one trip for what Timers asked").hasSize(pages + 1);
		assertThat(fixed.uri().getPath()).isEqualTo("/schedules/" + id);
		assertThat(fixed.body()).contains("Fixed: the schedule runs again").doesNotContain("id=\"fix-and-resume\"");
		int runs = runCount(fixed);
		await(carol, "/schedules/" + id, (p) -> runCount(p) > runs && p.body().contains(">Active<"), "runs again");

		Page pause = carol.open("/schedules/" + id + "/pause");
		assertThat(pause.body()).contains("Pause the schedule");
		Page paused = carol.post("/schedules/" + id + "/pause", pause, Map.of());
		assertThat(paused.body()).contains("The schedule is paused.").contains(">Paused<");
		Page resumed = carol.post("/schedules/" + id + "/resume", carol.open("/schedules/" + id + "/resume"), Map.of());
		assertThat(resumed.body()).contains(">Active<");
		Page renamed = carol.post("/schedules/" + id + "/rename", carol.open("/schedules/" + id + "/rename"),
				Map.of("name", label + " renamed"));
		assertThat(renamed.body()).contains(label + " renamed");
		Page deleted = carol.post("/schedules/" + id + "/delete", carol.open("/schedules/" + id + "/delete"), Map.of());
		assertThat(deleted.uri().getPath()).isEqualTo("/schedules");
		assertThat(deleted.body()).contains("The schedule was deleted.");
		assertThat(listed(carol, label + " renamed")).isZero();
	}

	@Test
	void anotherUsersOrAMalformedScheduleIdIsANotFoundPage() throws Exception {
		DemoUserAgent bob = agent("bob@uchicago.edu");
		Page form = bob.open(deepLink(LAB_DATA, "/projects/alpha/analysis/", SHARED_RESULTS, "/bob-3/", "Bob's"));
		String id = scheduleId(bob.post("/transfer", form, posted(form)));

		DemoUserAgent alice = agent("alice@globusid.org");
		// Alice lets the portal use Globus Timers for her (a login alone does not).
		Page connect = alice.open("/schedules/" + UUID.randomUUID());
		if (connect.uri().getPath().equals("/schedules/connect")) {
			assertThat(connect.body()).contains("Allow access to Globus Timers");
			assertThat(alice.post("/schedules/connect", connect, Map.of()).uri().getPath()).isEqualTo("/schedules");
		}
		Page theirs = alice.open("/schedules/" + id);
		Page malformed = alice.open("/schedules/not-a-schedule");
		Page pause = alice.post("/schedules/" + id + "/pause", alice.open("/schedules/connect"), Map.of());

		assertThat(theirs.status()).isEqualTo(404);
		assertThat(malformed.status()).isEqualTo(404);
		assertThat(pause.status()).isEqualTo(404);
		assertThat(bob.open("/schedules/" + id).body()).contains(">Active<");
	}

	@Test
	void aScheduleOverAHighAssuranceCollectionIsRefusedNextToTheFieldWithTheFormKept() {
		DemoUserAgent alice = agent("alice@globusid.org");
		Page form = alice.open(deepLink(CLINICAL, "/scans/", SHARED_RESULTS, "/clinical/", "Clinical nightly"));

		Page refused = alice.post("/transfer", form, posted(form));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Globus Timers cannot run transfers on a high-assurance collection")
			.contains("value=\"Clinical nightly\"");
		assertThat(refused.field("schedule_interval_hours")).isEqualTo("24");
	}

	@Test
	void aDeepLinksBadScheduleIsSaidNextToItsFieldWithTheValueKept() {
		DemoUserAgent bob = agent("bob@uchicago.edu");

		Page form = bob.open("/transfer?source_collection=" + LAB_DATA + "&schedule_type=recurring"
				+ "&schedule_interval_hours=0&schedule_start=2020-01-01T00:00");

		assertThat(form.uri().getPath()).isEqualTo("/transfer");
		assertThat(form.body()).contains("Give a whole number of hours from 1 to 8760")
			.contains("This time has passed")
			.contains("value=\"recurring\" id=\"schedule_recurring\" checked");
		assertThat(form.field("schedule_interval_hours")).isEqualTo("0");
	}

	private static int runCount(Page page) {
		Matcher matcher = Pattern.compile("id=\"run-count\">(\\d+)<").matcher(page.body());
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	/**
	 * Revokes, on the simulated Globus's consents page, every consent the user gave
	 * Globus Timers (and so everything below it), as a user who never scheduled anything.
	 */
	static void revokeTimers(DemoUserAgent agent) {
		Pattern root = Pattern.compile("title=\"" + Pattern.quote(TIMER_SCOPE) + "\"\\s+id=\"consent-(\\d+)\"");
		Page consents = agent.open("/simulator/auth/v2/web/consents");
		for (Matcher row = root.matcher(consents.body()); row.find(); row = root.matcher(consents.body())) {
			Matcher token = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"").matcher(consents.body());
			assertThat(token.find()).isTrue();
			consents = agent.post("/simulator/auth/v2/web/consents/revoke", consents,
					Map.of("consent_id", row.group(1), "form_token", token.group(1)));
		}
	}

	/**
	 * Revokes, on the simulated Globus's consents page, Lab Data's data_access below
	 * Timers.
	 */
	private static void revokeLabDataBelowTimers(DemoUserAgent agent) {
		Page consents = agent.open("/simulator/auth/v2/web/consents");
		Matcher row = Pattern
			.compile("title=\"https://auth.globus.org/scopes/" + LAB_DATA
					+ "/data_access\"\\s+id=\"consent-(\\d+)\"[^>]*>\\s*<span>([^<]*)")
			.matcher(consents.body());
		String id = null;
		while (row.find()) {
			if (row.group(2).contains("when your timers run")) {
				id = row.group(1);
			}
		}
		assertThat(id).as(consents.body()).isNotNull();
		Matcher token = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"").matcher(consents.body());
		assertThat(token.find()).isTrue();
		Page revoked = agent.post("/simulator/auth/v2/web/consents/revoke", consents,
				Map.of("consent_id", id, "form_token", token.group(1)));
		assertThat(revoked.body()).doesNotContain("id=\"consent-" + id + "\"");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
