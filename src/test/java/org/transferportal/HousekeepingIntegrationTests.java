package org.transferportal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.Housekeeping;
import org.transferportal.support.PortalBrowser;
import org.transferportal.support.PortalInstance;
import org.transferportal.support.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Bounded storage and shared limits on the two databases the portal runs on (review M4,
 * L3): the purge removes what has expired and keeps the rest, on H2 and on PostgreSQL;
 * with two instances on one PostgreSQL it runs on one at a time, and a per-user rate
 * limit holds across both; a session nobody logged in to lives 15 minutes, a logged-in
 * one the normal 8 hours.
 */
class HousekeepingIntegrationTests {

	private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniRq83vEjRWeJA=";

	/** The scheduled purge is off: each test runs it when it means to. */
	private static final Map<String, String> SETTINGS = Map.of("portal.retention.purge-every", "0",
			"portal.rate-limit.drafts-per-minute", "3");

	private static PortalInstance h2;

	private static PortalInstance a;

	private static PortalInstance b;

	private final FakeGlobus globus = FakeGlobus.shared();

	@BeforeAll
	static void startInstances() {
		h2 = PortalInstance.start(
				"jdbc:h2:mem:housekeeping-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", null, SETTINGS);
		String database = SharedPostgres.newDatabase();
		a = PortalInstance.start(database, KEY, SETTINGS);
		b = PortalInstance.start(database, KEY, SETTINGS);
	}

	@AfterAll
	static void stopInstances() {
		h2.close();
		a.close();
		b.close();
	}

	@BeforeEach
	void resetGlobus() {
		this.globus.reset();
	}

	@Test
	void thePurgeRemovesWhatExpiredAndKeepsTheRestOnH2() {
		expiredRowsArePurgedAndLiveOnesKept(h2);
	}

	@Test
	void thePurgeRemovesWhatExpiredAndKeepsTheRestOnPostgresqlOnOneInstanceAtATime() {
		expiredRowsArePurgedAndLiveOnesKept(a);
		String late = insertRequest(b.jdbc(), "OPEN", null, days(30), null);

		Optional<Map<String, Integer>> second = b.context().getBean(Housekeeping.class).runOnce();

		assertThat(second).as("the other instance's run holds the lock").isEmpty();
		assertThat(requestIds(b.jdbc())).contains(late);
		assertThat(
				b.jdbc().sql("select locked_by from shedlock where name = 'portal-purge'").query(String.class).list())
			.hasSize(1);
	}

	@Test
	void aSessionNobodyLoggedInToLivesFifteenMinutesAndALoginGivesItTheNormalLifetime() {
		PortalBrowser browser = new PortalBrowser(h2.mvc(), this.globus, FakeGlobus.User.fresh());
		MockHttpServletResponse authorize = browser.get(PortalBrowser.LOGIN);
		assertThat(browser.isAuthorizeRedirect(authorize)).isTrue();
		assertThat(maxInactiveInterval(h2, browser)).isEqualTo(Duration.ofMinutes(15));

		browser.follow(browser.authorizeAndReturn(authorize));
		browser.get("/transfer");

		assertThat(maxInactiveInterval(h2, browser)).isEqualTo(Duration.ofHours(8));
	}

	@Test
	void aUsersDraftLimitHoldsAcrossBothInstances() {
		PortalBrowser browser = new PortalBrowser(a.mvc(), this.globus, FakeGlobus.User.fresh());
		browser.login(PortalBrowser.LOGIN);
		List<Integer> answers = new java.util.ArrayList<>();
		// Three drafts a minute: alternating instances, each alone would allow three.
		for (int i = 0; i < 6; i++) {
			browser.on((i % 2 == 0) ? a.mvc() : b.mvc());
			answers.add(browser.post("/transfer", badForm("form " + i)).getStatus());
		}

		assertThat(answers.subList(0, 3)).containsOnly(422);
		assertThat(answers.subList(3, 6)).as("refused on both instances").containsOnly(429);
		assertThat(content(browser.post("/transfer", badForm("again")))).contains("Slow down");
		assertThat(a.jdbc()
			.sql("select count(*) from transfer_request where subject = ?")
			.param(browser.user().subject())
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	/**
	 * Puts one of each kind of row, some expired and some not, runs the purge and checks
	 * what is left.
	 */
	private void expiredRowsArePurgedAndLiveOnesKept(PortalInstance portal) {
		JdbcClient jdbc = portal.jdbc();
		String oldDraft = insertRequest(jdbc, "OPEN", null, days(8), null);
		String recentDraft = insertRequest(jdbc, "OPEN", null, days(6), null);
		String unanswered = insertRequest(jdbc, "OPEN", "sub-1", days(8), null);
		String oldRecord = insertRequest(jdbc, "SUBMITTED", "sub-2", days(731), days(731));
		String record = insertRequest(jdbc, "SUBMITTED", "sub-3", days(700), days(700));
		String usedLongAgo = insertPendingAction(jdbc, days(2), days(2).plus(Duration.ofMinutes(30)));
		String expiredLongAgo = insertPendingAction(jdbc, null, days(2));
		String usedJustNow = insertPendingAction(jdbc, Instant.now().minusSeconds(60), Instant.now().plusSeconds(600));
		String waiting = insertPendingAction(jdbc, null, Instant.now().plusSeconds(600));
		String expiredSession = insertSession(jdbc, Instant.now().minusSeconds(60));
		String liveSession = insertSession(jdbc, Instant.now().plusSeconds(600));

		Optional<Map<String, Integer>> removed = portal.context().getBean(Housekeeping.class).runOnce();

		assertThat(removed).isPresent();
		assertThat(requestIds(jdbc)).contains(recentDraft, unanswered, record).doesNotContain(oldDraft, oldRecord);
		assertThat(jdbc.sql("select count(*) from transfer_item where request_id = ?")
			.param(oldRecord)
			.query(Integer.class)
			.single()).as("the record's items go with it").isZero();
		assertThat(jdbc.sql("select count(*) from transfer_item where request_id = ?")
			.param(record)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select id from pending_action").query(String.class).list()).contains(usedJustNow, waiting)
			.doesNotContain(usedLongAgo, expiredLongAgo);
		assertThat(jdbc.sql("select primary_id from spring_session").query(String.class).list()).contains(liveSession)
			.doesNotContain(expiredSession);
		assertThat(jdbc.sql("select count(*) from spring_session_attributes where session_primary_id = ?")
			.param(expiredSession)
			.query(Integer.class)
			.single()).as("its attributes go with it").isZero();
	}

	private static Instant days(int days) {
		return Instant.now().minus(Duration.ofDays(days));
	}

	private static String insertRequest(JdbcClient jdbc, String status, String submissionId, Instant updated,
			Instant submitted) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into transfer_request (id, subject, username, status, form_json, submission_id, task_id,
				  consent_trips, created_at, updated_at, submitted_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
			.params(id, "subject-" + id, "someone@globusid.org", status, "{}", submissionId,
					(submitted != null) ? UUID.randomUUID().toString() : null, Timestamp.from(updated),
					Timestamp.from(updated), (submitted != null) ? Timestamp.from(submitted) : null)
			.update();
		if (submitted != null) {
			jdbc.sql("insert into transfer_item (request_id, position, source_path, destination_path, recursive)"
					+ " values (?, 0, '/a/', '/b/', true)")
				.param(id)
				.update();
		}
		return id;
	}

	private static String insertPendingAction(JdbcClient jdbc, Instant used, Instant expires) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into pending_action (id, subject, kind, target, required_scopes, authorization_parameters,
				  created_at, expires_at, used_at) values (?, 'subject', 'transfer', 'draft', '', '{}', ?, ?, ?)""")
			.params(id, Timestamp.from(expires.minus(Duration.ofMinutes(30))), Timestamp.from(expires),
					(used != null) ? Timestamp.from(used) : null)
			.update();
		return id;
	}

	private static String insertSession(JdbcClient jdbc, Instant expires) {
		String id = UUID.randomUUID().toString();
		long now = Instant.now().toEpochMilli();
		jdbc.sql("""
				insert into spring_session (primary_id, session_id, creation_time, last_access_time,
				  max_inactive_interval, expiry_time) values (?, ?, ?, ?, 900, ?)""")
			.params(id, UUID.randomUUID().toString(), now, now, expires.toEpochMilli())
			.update();
		jdbc.sql("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)"
				+ " values (?, 'x', ?)")
			.params(id, new byte[] { 1 })
			.update();
		return id;
	}

	private static List<String> requestIds(JdbcClient jdbc) {
		return jdbc.sql("select id from transfer_request").query(String.class).list();
	}

	private static Duration maxInactiveInterval(PortalInstance portal, PortalBrowser browser) {
		String sessionId = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.UTF_8);
		return Duration.ofSeconds(portal.jdbc()
			.sql("select max_inactive_interval from spring_session where session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single());
	}

	private static Map<String, String> badForm(String label) {
		Map<String, String> form = new LinkedHashMap<>(
				PortalBrowser.transferForm(UUID.randomUUID(), "not-absolute", UUID.randomUUID(), "/in/"));
		form.put("label", label);
		return form;
	}

}
