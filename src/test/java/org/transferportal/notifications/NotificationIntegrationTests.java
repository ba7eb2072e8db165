package org.transferportal.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Notifications through the whole portal: a task the owner's page sees finish gives one
 * e-mail through a real SMTP server (GreenMail) and one signed call to a local webhook
 * receiver; retries, dead letters and "Retry now"; preferences and the per-transfer
 * choice. Delivery is driven by the test ({@code delivery.enabled=false}), one step at a
 * time.
 */
class NotificationIntegrationTests extends FlowTestSupport {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final WebhookReceiver RECEIVER = WebhookReceiver.start();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DRAFT = Pattern.compile("name=\"draft\" value=\"([0-9a-f-]{36})\"");

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void notifications(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("portal.notifications.mail-from", () -> "Lab portal <portal@lab.example.org>");
		registry.add("portal.notifications.public-url", () -> "https://transfer.lab.example.org/");
		registry.add("portal.notifications.webhook.url", RECEIVER::url);
		registry.add("portal.notifications.webhook.secret", () -> WebhookReceiver.SECRET);
		registry.add("portal.notifications.webhook.timeout", () -> "1s");
		registry.add("portal.notifications.delivery.enabled", () -> "false");
		registry.add("portal.notifications.delivery.max-attempts", () -> "3");
	}

	@AfterAll
	static void stopServers() {
		SMTP.stop();
		RECEIVER.close();
	}

	@Autowired
	OutboxDelivery delivery;

	@Autowired
	JdbcClient jdbc;

	PortalBrowser alice;

	UUID source;

	UUID destination;

	@BeforeEach
	void aliceLogsIn() throws Exception {
		SMTP.purgeEmailFromAllMailboxes();
		RECEIVER.reset();
		this.jdbc.sql("delete from notification_outbox").update();
		this.jdbc.sql("delete from notification_setting").update();
		this.alice = newBrowser();
		this.alice.login(PortalBrowser.LOGIN);
		this.source = this.globus.guestCollection();
		this.destination = this.globus.guestCollection();
	}

	@Test
	void aFailedTransferGivesOneEmailAndOneSignedWebhookHoweverOftenItIsSeen() throws Exception {
		String taskId = submit("Nightly archive", "account");
		stubFinished(taskId, "FAILED");

		this.alice.open("/tasks/" + taskId);
		this.alice.open("/tasks/" + taskId);
		this.delivery.deliverDue();
		this.alice.open("/tasks/" + taskId);
		this.delivery.deliverDue();

		MimeMessage[] mails = SMTP.getReceivedMessages();
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("test@example.org");
		assertThat(mail.getFrom()[0].toString()).contains("portal@lab.example.org");
		assertThat(mail.getSubject()).isEqualTo("[Transfer Portal] Transfer failed: Nightly archive");
		assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		String text = (String) parts.getBodyPart(0).getContent();
		assertThat(text).contains("Your transfer \"Nightly archive\" failed.")
			.contains("1.0 MB in 1 file")
			.contains("2 min 49 s")
			.contains("FILE_NOT_FOUND")
			.contains("https://transfer.lab.example.org/tasks/" + taskId)
			.contains(this.source.toString());
		assertThat(text).doesNotContain(this.alice.tokens().transferAccess()).doesNotContain("/data/");
		String html = (String) parts.getBodyPart(1).getContent();
		assertThat(html).contains("href=\"https://transfer.lab.example.org/tasks/" + taskId + "\"")
			.contains("Nightly archive");

		List<WebhookReceiver.Call> calls = RECEIVER.calls();
		assertThat(calls).hasSize(1);
		WebhookReceiver.Call call = calls.get(0);
		assertThat(call.verified()).as("signature checked by the receiver").isTrue();
		JsonNode body = JSON.readTree(call.body());
		assertThat(body.get("type").asString()).isEqualTo("transfer.failed");
		assertThat(Instant.parse(body.get("timestamp").asString())).isNotNull();
		JsonNode data = body.get("data");
		assertThat(data.get("task_id").asString()).isEqualTo(taskId);
		assertThat(data.get("label").asString()).isEqualTo("Nightly archive");
		assertThat(data.get("status").asString()).isEqualTo("FAILED");
		assertThat(data.get("owner").asString()).isEqualTo(this.alice.user().username());
		assertThat(data.get("source_collection").asString()).isEqualTo(this.source.toString());
		assertThat(data.get("destination_collection").asString()).isEqualTo(this.destination.toString());
		assertThat(data.get("bytes_transferred").asLong()).isEqualTo(1048576L);
		assertThat(data.get("files_transferred").asLong()).isEqualTo(1L);
		assertThat(data.get("portal_url").asString()).isEqualTo("https://transfer.lab.example.org/tasks/" + taskId);
		assertThat(call.id())
			.isEqualTo(this.jdbc.sql("select id from notification_outbox where channel = 'WEBHOOK' and task_id = ?")
				.param(taskId)
				.query(String.class)
				.single());
	}

	@Test
	void aReceiverAnswering500IsTriedAgainWithTheSameIdAndTheMessageIsThenSent() throws Exception {
		RECEIVER.then(500).then(200);
		String taskId = submit("Retried", "none");
		stubFinished(taskId, "FAILED");
		this.alice.open("/tasks/" + taskId);

		this.delivery.deliverDue();
		Map<String, Object> waiting = row(taskId);
		assertThat(waiting).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
		assertThat(waiting.get("LAST_ERROR").toString()).contains("HTTP 500");
		assertThat(instant(waiting.get("NEXT_ATTEMPT_AT")))
			.as("backoff: not before its first retry delay (30 s by default)")
			.isAfter(Instant.now().plusSeconds(20));
		this.delivery.deliverDue();
		assertThat(RECEIVER.calls()).as("not due yet").hasSize(1);

		dueNow(taskId);
		this.delivery.deliverDue();

		List<WebhookReceiver.Call> calls = RECEIVER.calls();
		assertThat(calls).extracting(WebhookReceiver.Call::answered).containsExactly(500, 200);
		assertThat(calls).extracting(WebhookReceiver.Call::id).containsOnly(calls.get(0).id());
		assertThat(calls).extracting(WebhookReceiver.Call::body).containsOnly(calls.get(0).body());
		assertThat(calls).allMatch(WebhookReceiver.Call::verified);
		assertThat(row(taskId)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
	}

	@Test
	void aReceiverAnswering400GivesUpAtOnceAndAnAdminRetriesItNow() throws Exception {
		RECEIVER.then(400);
		String taskId = submit("Refused", "none");
		stubFinished(taskId, "FAILED");
		this.alice.open("/tasks/" + taskId);

		this.delivery.deliverDue();

		assertThat(row(taskId)).containsEntry("STATUS", "DEAD").containsEntry("ATTEMPTS", 1);
		PortalBrowser admin = newBrowser(ADMIN);
		admin.login(PortalBrowser.LOGIN);
		String page = content(admin.get("/lab/admin/deliveries"));
		String id = row(taskId).get("ID").toString();
		assertThat(page).contains("given up after 1 attempt: HTTP 400").contains(id).contains("Retry now");
		assertThat(this.alice.post("/lab/admin/deliveries/" + id + "/retry", Map.of()).getStatus())
			.as("members may not")
			.isEqualTo(403);
		assertThat(admin.get("/lab/admin/deliveries/" + id + "/retry").getStatus()).as("no change on GET")
			.isEqualTo(405);

		assertThat(admin.post("/lab/admin/deliveries/" + id + "/retry", Map.of()).getRedirectedUrl())
			.isEqualTo("/lab/admin/deliveries");
		this.delivery.deliverDue();

		assertThat(RECEIVER.calls()).extracting(WebhookReceiver.Call::id).containsExactly(id, id);
		assertThat(row(taskId)).containsEntry("STATUS", "SENT");
		assertThat(admin.post("/lab/admin/deliveries/not-a-uuid/retry", Map.of()).getStatus()).isEqualTo(404);
	}

	@Test
	void aReceiverThatDoesNotAnswerInTimeIsRetriedAndAfterTheLastAttemptTheMessageIsDead() throws Exception {
		java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
		RECEIVER.then(200, null, never).then(503, "120", null).then(502);
		String taskId = submit("Slow receiver", "none");
		stubFinished(taskId, "FAILED");
		this.alice.open("/tasks/" + taskId);

		this.delivery.deliverDue();
		assertThat(row(taskId).get("LAST_ERROR").toString()).isEqualTo("No answer within 1 s");
		never.countDown();
		dueNow(taskId);
		Instant before = Instant.now();
		this.delivery.deliverDue();
		Map<String, Object> throttled = row(taskId);
		assertThat(throttled.get("LAST_ERROR").toString()).contains("HTTP 503");
		assertThat(instant(throttled.get("NEXT_ATTEMPT_AT"))).as("Retry-After: 120 is honoured")
			.isBetween(before.plusSeconds(119), Instant.now().plusSeconds(121));
		dueNow(taskId);
		this.delivery.deliverDue();

		Map<String, Object> dead = row(taskId);
		assertThat(dead).containsEntry("STATUS", "DEAD").containsEntry("ATTEMPTS", 3);
		assertThat(dead.get("LAST_ERROR").toString()).contains("HTTP 502").contains("gave up after 3 attempts");
	}

	@Test
	void aShortSuccessIsNotEmailedByDefaultButIsWhenTheFormAsksForEveryOutcome() throws Exception {
		String quiet = submit("Quick copy", "account");
		stubFinished(quiet, "SUCCEEDED");
		String asked = submit("Quick but wanted", "all");
		stubFinished(asked, "SUCCEEDED");
		this.alice.open("/tasks/" + quiet);
		this.alice.open("/tasks/" + asked);

		this.delivery.deliverDue();

		assertThat(SMTP.getReceivedMessages()).extracting(MimeMessage::getSubject)
			.containsExactly("[Transfer Portal] Transfer succeeded: Quick but wanted");
		assertThat(RECEIVER.calls()).as("the lab webhook gets both").hasSize(2);
	}

	@Test
	void theAccountPageKeepsPreferencesAndTheFormOffersTheOverride() throws Exception {
		String account = content(this.alice.get("/account"));
		assertThat(account).contains("E-mails go to").contains("test@example.org");
		assertThat(account).containsPattern("value=\"long\" checked");

		assertThat(this.alice.post("/account/notifications", Map.of("on_success", "always", "on_inactive", "true"))
			.getRedirectedUrl()).isEqualTo("/account#notifications");
		account = content(this.alice.get("/account"));
		assertThat(account).containsPattern("value=\"always\" checked")
			.doesNotContainPattern("name=\"on_failure\" value=\"true\" checked");
		assertThat(this.alice.post("/account/notifications", Map.of("on_success", "sometimes")).getRedirectedUrl())
			.isEqualTo("/account#notifications");
		assertThat(content(this.alice.get("/account"))).contains("Nothing was changed")
			.containsPattern("value=\"always\" checked");

		String form = content(this.alice.get("/transfer"));
		assertThat(form).contains("name=\"notify_email\"").contains("As my account says (pauses, successes)");

		String taskId = submit("Short, now always", "account");
		stubFinished(taskId, "SUCCEEDED");
		String failed = submit("Failed, not wanted", "account");
		stubFinished(failed, "FAILED");
		this.alice.open("/tasks/" + taskId);
		this.alice.open("/tasks/" + failed);
		this.delivery.deliverDue();
		assertThat(SMTP.getReceivedMessages()).extracting(MimeMessage::getSubject)
			.containsExactly("[Transfer Portal] Transfer succeeded: Short, now always");
		assertThat(content(this.alice.get("/notifications"))).contains("Transfer succeeded: Short, now always")
			.doesNotContain("Failed, not wanted");
	}

	@Test
	void aPausedTransferIsToldOnceEachTimeItPauses() throws Exception {
		String taskId = submit("Pauses", "account");
		stubStatus(taskId, "INACTIVE");
		this.alice.open("/tasks/" + taskId);
		this.alice.open("/tasks/" + taskId);
		this.delivery.deliverDue();

		assertThat(SMTP.getReceivedMessages()).extracting(MimeMessage::getSubject)
			.containsExactly("[Transfer Portal] Transfer paused, needs you: Pauses");
		assertThat(RECEIVER.calls()).extracting((call) -> JSON.readTree(call.body()).get("type").asString())
			.containsExactly("transfer.inactive");
	}

	@Test
	void adminsChooseWhichEventsGoToTheLabWebhook() throws Exception {
		PortalBrowser admin = newBrowser(ADMIN);
		admin.login(PortalBrowser.LOGIN);
		assertThat(content(admin.get("/lab/admin/deliveries"))).contains("http://127.0.0.1:")
			.doesNotContain("/hooks")
			.doesNotContain(WebhookReceiver.SECRET);
		admin.post("/lab/admin/deliveries/events", Map.of("event", "transfer.failed"));
		assertThat(content(admin.get("/lab/admin/deliveries"))).containsPattern("value=\"transfer.failed\"\\s+checked")
			.doesNotContainPattern("value=\"transfer.succeeded\"\\s+checked");
		assertThat(admin.post("/lab/admin/deliveries/events", Map.of("event", "transfer.exploded")).getRedirectedUrl())
			.isEqualTo("/lab/admin/deliveries");
		assertThat(content(admin.get("/lab/admin/deliveries"))).contains("Unknown notification event type");

		String succeeded = submit("Not for the chat", "none");
		stubFinished(succeeded, "SUCCEEDED");
		this.alice.open("/tasks/" + succeeded);
		this.delivery.deliverDue();
		assertThat(RECEIVER.calls()).isEmpty();
	}

	/**
	 * Opens the form, posts it with a label and an e-mail choice; returns the task id.
	 */
	private String submit(String label, String choice) {
		String taskId = UUID.randomUUID().toString();
		String submissionId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(submissionId);
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", submissionId, taskId))));
		Matcher draft = DRAFT.matcher(content(this.alice.get("/transfer")));
		assertThat(draft.find()).isTrue();
		Map<String, String> form = new java.util.LinkedHashMap<>(
				PortalBrowser.transferForm(this.source, "/data/", this.destination, "/in/"));
		form.put("label", label);
		form.put("draft", draft.group(1));
		form.put("notify_email", choice);
		assertThat(this.alice.post("/transfer", form).getRedirectedUrl()).isEqualTo("/tasks/" + taskId);
		return taskId;
	}

	/**
	 * The canned failed task (1 MB, 1 file, 169 s, FILE_NOT_FOUND), or a success of it.
	 */
	private void stubFinished(String taskId, String status) {
		String body = FakeGlobus.body("transfer/task_failed.json")
			.replace("0c5e4d7a-9a2b-11ee-8c90-0242ac120002", taskId);
		if ("SUCCEEDED".equals(status)) {
			body = body.replace("\"status\":\"FAILED\"", "\"status\":\"SUCCEEDED\"")
				.replace("\"fatal_error\":{\"code\":\"FILE_NOT_FOUND\",\"description\":\"file not found\"}",
						"\"fatal_error\":null");
		}
		stubTaskBody(taskId, body);
	}

	private void stubStatus(String taskId, String status) {
		stubTaskBody(taskId,
				FakeGlobus.body("transfer/task_active.json")
					.replace("b8872740-7edc-11ec-9f33-ed182a728dff", taskId)
					.replace("\"status\":\"ACTIVE\"", "\"status\":\"" + status + "\""));
	}

	private void stubTaskBody(String taskId, String body) {
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task/" + taskId)).willReturn(FakeGlobus.json(200, body)));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task/" + taskId + "/event_list"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/event_list.json"))));
	}

	private Map<String, Object> row(String taskId) {
		return this.jdbc.sql("select * from notification_outbox where channel = 'WEBHOOK' and task_id = ?")
			.param(taskId)
			.query()
			.singleRow();
	}

	private static Instant instant(Object value) {
		return (value instanceof java.time.OffsetDateTime time) ? time.toInstant()
				: ((java.sql.Timestamp) value).toInstant();
	}

	/** Time passes: the message's next attempt is due. */
	private void dueNow(String taskId) {
		this.jdbc.sql("update notification_outbox set next_attempt_at = ? where task_id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofSeconds(1))), taskId)
			.update();
	}

}
