package org.transferportal.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.transferportal.globus.Task;
import org.transferportal.support.FakeGlobus;
import org.transferportal.support.PortalBrowser;
import org.transferportal.support.PortalInstance;
import org.transferportal.support.SharedPostgres;
import org.transferportal.tasks.TaskStatusesSeen;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Two portal instances on one PostgreSQL, both delivering in the background: when both
 * see the same tasks finish at the same moment, each task gives exactly one e-mail
 * (GreenMail) and one webhook call; stopping one instance while it delivers loses nothing
 * and sends nothing twice; a slow receiver never holds up the page that saw the task
 * finish.
 */
class NotificationScaleOutIntegrationTests {

	static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniRq83vEjRWeJA=";

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final WebhookReceiver RECEIVER = WebhookReceiver.start();

	private static final JsonMapper GLOBUS_JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Pattern DRAFT = Pattern.compile("name=\"draft\" value=\"([0-9a-f-]{36})\"");

	private static final Duration LIMIT = Duration.ofSeconds(60);

	static {
		SMTP.start();
	}

	@AfterAll
	static void stopServers() {
		SMTP.stop();
		RECEIVER.close();
	}

	@BeforeEach
	void clean() throws Exception {
		SMTP.purgeEmailFromAllMailboxes();
		RECEIVER.reset();
	}

	@Test
	void bothInstancesSeeingTheSameTasksFinishSendOneEmailAndOneWebhookEach() throws Exception {
		String database = SharedPostgres.newDatabase();
		try (PortalInstance a = start(database); PortalInstance b = start(database)) {
			String subject = UUID.randomUUID().toString();
			List<String> tasks = submitted(a, subject, 10);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				for (String task : tasks) {
					CyclicBarrier together = new CyclicBarrier(2);
					List<Future<?>> seen = new ArrayList<>();
					for (PortalInstance instance : List.of(a, b)) {
						seen.add(pool.submit(() -> {
							together.await();
							instance.context().publishEvent(new TaskStatusesSeen(subject, List.of(succeeded(task))));
							return null;
						}));
					}
					for (Future<?> future : seen) {
						future.get();
					}
				}
			}
			finally {
				pool.shutdown();
			}

			awaitDelivered(a, 20);
			assertThat(RECEIVER.calls()).hasSize(10).allMatch(WebhookReceiver.Call::verified);
			assertThat(RECEIVER.calls().stream().map(WebhookReceiver.Call::id).distinct()).hasSize(10);
			assertThat(RECEIVER.calls().stream().map(WebhookReceiver.Call::body))
				.allMatch((body) -> tasks.stream().filter(body::contains).count() == 1);
			MimeMessage[] mails = SMTP.getReceivedMessages();
			assertThat(mails).hasSize(10);
			assertThat(java.util.Arrays.stream(mails).map(NotificationScaleOutIntegrationTests::messageId).distinct())
				.hasSize(10);
		}
	}

	@Test
	void stoppingOneInstanceWhileItDeliversLosesNothingAndSendsNothingTwice() throws Exception {
		String database = SharedPostgres.newDatabase();
		PortalInstance a = start(database);
		try (PortalInstance b = start(database)) {
			String subject = UUID.randomUUID().toString();
			List<String> tasks = submitted(a, subject, 12);
			RECEIVER.slow(Duration.ofMillis(300));
			for (int i = 0; i < tasks.size(); i++) {
				PortalInstance seer = (i % 2 == 0) ? a : b;
				seer.context().publishEvent(new TaskStatusesSeen(subject, List.of(succeeded(tasks.get(i)))));
			}
			Instant until = Instant.now().plus(LIMIT);
			while (RECEIVER.arrived() < 3 && Instant.now().isBefore(until)) {
				Thread.sleep(10);
			}
			a.close();

			awaitDelivered(b, 24);
			List<WebhookReceiver.Call> calls = RECEIVER.calls();
			assertThat(calls).as("every event, once").hasSize(12).allMatch(WebhookReceiver.Call::verified);
			assertThat(calls.stream().map(WebhookReceiver.Call::id).distinct()).hasSize(12);
			assertThat(SMTP.getReceivedMessages()).hasSize(12);
			assertThat(b.jdbc()
				.sql("select count(*) from notification_outbox where claimed_by is not null")
				.query(Integer.class)
				.single()).as("no claim left behind").isZero();
		}
		finally {
			a.close();
		}
	}

	@Test
	void aSlowReceiverDoesNotHoldUpThePageThatSawTheTaskFinish() throws Exception {
		String database = SharedPostgres.newDatabase();
		FakeGlobus globus = FakeGlobus.shared();
		try (PortalInstance a = start(database)) {
			PortalBrowser alice = new PortalBrowser(a.mvc(), globus, FakeGlobus.User.fresh());
			alice.login(PortalBrowser.LOGIN);
			String taskId = submitThroughTheForm(alice, globus);
			globus.server()
				.stubFor(get(urlPathEqualTo("/v0.10/task/" + taskId))
					.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/task_failed.json")
						.replace("0c5e4d7a-9a2b-11ee-8c90-0242ac120002", taskId))));
			globus.server()
				.stubFor(get(urlPathEqualTo("/v0.10/task/" + taskId + "/event_list"))
					.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/event_list.json"))));
			CountDownLatch release = new CountDownLatch(1);
			RECEIVER.then(200, null, release);

			assertThat(alice.open("/tasks/" + taskId).getStatus()).isEqualTo(200);

			Instant until = Instant.now().plus(LIMIT);
			while (RECEIVER.arrived() < 1 && Instant.now().isBefore(until)) {
				Thread.sleep(10);
			}
			assertThat(RECEIVER.arrived()).as("the call reached the receiver").isEqualTo(1);
			assertThat(RECEIVER.calls()).as("and is still unanswered: the page did not wait for it").isEmpty();
			assertThat(content(alice.open("/tasks/" + taskId))).contains(taskId);
			release.countDown();
			assertThat(RECEIVER.awaitCalls(1, LIMIT)).allMatch(WebhookReceiver.Call::verified);
		}
	}

	private static PortalInstance start(String database) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("portal.audit.status-refresh", "0");
		properties.put("portal.lab.allowed-domains", "globusid.org");
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()));
		properties.put("portal.notifications.mail-from", "portal@lab.example.org");
		properties.put("portal.notifications.webhook.url", RECEIVER.url());
		properties.put("portal.notifications.webhook.secret", WebhookReceiver.SECRET);
		properties.put("portal.notifications.delivery.poll", "500ms");
		return PortalInstance.start(database, KEY, properties);
	}

	/** Submitted transfers of one user who wants every success e-mailed. */
	private static List<String> submitted(PortalInstance instance, String subject, int count) {
		Timestamp now = Timestamp.from(Instant.now());
		instance.jdbc().sql("""
				insert into notification_recipient (subject, username, email, on_success, updated_at)
				values (?, 'dana@globusid.org', 'dana@example.org', 'ALWAYS', ?)""").params(subject, now).update();
		List<String> tasks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String task = UUID.randomUUID().toString();
			instance.jdbc()
				.sql("""
						insert into transfer_request (id, subject, username, status, label, form_json, task_id,
						  consent_trips, created_at, updated_at, submitted_at)
						values (?, ?, 'dana@globusid.org', 'SUBMITTED', ?, '{}', ?, 0, ?, ?, ?)""")
				.params(UUID.randomUUID().toString(), subject, "run " + i, task, now, now, now)
				.update();
			tasks.add(task);
		}
		return tasks;
	}

	private static Task succeeded(String taskId) {
		return GLOBUS_JSON.readValue(FakeGlobus.body("transfer/task_failed.json")
			.replace("0c5e4d7a-9a2b-11ee-8c90-0242ac120002", taskId)
			.replace("\"status\":\"FAILED\"", "\"status\":\"SUCCEEDED\"")
			.replace("\"fatal_error\":{\"code\":\"FILE_NOT_FOUND\",\"description\":\"file not found\"}",
					"\"fatal_error\":null"),
				Task.class);
	}

	private static String submitThroughTheForm(PortalBrowser user, FakeGlobus globus) {
		String taskId = UUID.randomUUID().toString();
		String submissionId = UUID.randomUUID().toString();
		globus.stubSubmissionId(submissionId);
		globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", submissionId, taskId))));
		Matcher draft = DRAFT.matcher(content(user.get("/transfer")));
		assertThat(draft.find()).isTrue();
		Map<String, String> form = new LinkedHashMap<>(
				PortalBrowser.transferForm(globus.guestCollection(), "/data/", globus.guestCollection(), "/in/"));
		form.put("draft", draft.group(1));
		form.put("notify_email", "none");
		assertThat(user.post("/transfer", form).getRedirectedUrl()).isEqualTo("/tasks/" + taskId);
		return taskId;
	}

	/** Waits until this many messages are delivered (sent), at most {@link #LIMIT}. */
	private static void awaitDelivered(PortalInstance instance, int count) throws InterruptedException {
		Instant until = Instant.now().plus(LIMIT);
		int sent = 0;
		while (Instant.now().isBefore(until)) {
			sent = instance.jdbc()
				.sql("select count(*) from notification_outbox where status = 'SENT'")
				.query(Integer.class)
				.single();
			if (sent >= count) {
				break;
			}
			Thread.sleep(50);
		}
		assertThat(sent).as("messages delivered").isEqualTo(count);
		assertThat(instance.jdbc().sql("select count(*) from notification_outbox").query(Integer.class).single())
			.as("messages written: one e-mail and one webhook per task")
			.isEqualTo(count);
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
