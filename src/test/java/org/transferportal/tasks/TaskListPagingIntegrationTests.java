package org.transferportal.tasks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * A user with 5,000 tasks pages through all of them without the portal ever asking
 * Transfer for a task past the 1,000th of a list, which Transfer refuses: at that point
 * the list goes on as a window of older tasks.
 */
class TaskListPagingIntegrationTests extends FlowTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern OLDER = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\"");

	/**
	 * The newest of the user's tasks; each further one was requested a minute earlier.
	 */
	private static final Instant NEWEST = Instant.parse("2026-11-30T12:00:00Z");

	private PortalBrowser user;

	@BeforeEach
	void aUserWithFiveThousandTasks() {
		this.user = newBrowser();
		this.user.login(PortalBrowser.LOGIN);
		for (int offset = 0; offset < 1000; offset += 25) {
			this.globus.server()
				.stubFor(get(urlPathEqualTo("/v0.10/task_list"))
					.withQueryParam("offset", equalTo(String.valueOf(offset)))
					.withQueryParam("filter", absent())
					.willReturn(FakeGlobus.json(200, page(offset, 0))));
		}
		// The window after the first 1,000: tasks requested at or before the 1,000th.
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task_list")).withQueryParam("offset", equalTo("0"))
				.withQueryParam("filter", equalTo("request_time:," + filterTime(requested(999))))
				.willReturn(FakeGlobus.json(200, page(0, 999))));
	}

	@Test
	void theOlderLinksNeverAskTransferPastTheThousandthTaskAndGoOnAsAWindow() {
		String page = content(this.user.get("/tasks"));
		String older = null;
		for (int i = 0; i < 40; i++) {
			older = olderLink(page);
			assertThat(older).as("page %s offers older tasks", i).isNotNull();
			page = content(this.user.get(older));
		}
		assertThat(older).contains("before=");
		assertThat(page).contains("id=\"task-window\"").contains("task 999 of 5000").contains("task 1000 of 5000");

		List<LoggedRequest> lists = this.globus.server().findAll(getRequestedFor(urlPathEqualTo("/v0.10/task_list")));
		assertThat(lists).hasSize(41).allSatisfy((request) -> {
			int offset = Integer.parseInt(request.queryParameter("offset").firstValue());
			int limit = Integer.parseInt(request.queryParameter("limit").firstValue());
			assertThat(offset + limit).isLessThanOrEqualTo(1000);
		});
	}

	@Test
	void theLastPageOfAListSaysWhyOlderTasksComeAsAWindow() {
		String page = content(this.user.get("/tasks?offset=975"));

		assertThat(page).contains("id=\"list-limit\"").contains("Globus lists up to 1,000 transfers at a time");
		assertThat(olderLink(page)).contains("before=" + requested(999)).doesNotContain("offset=1000");
	}

	@Test
	void anOffsetTypedPastTheThousandthTaskShowsTheLastPageGlobusLists() {
		String page = content(this.user.get("/tasks?offset=4000"));

		assertThat(page).contains("task 975 of 5000");
		this.globus.server()
			.verify(getRequestedFor(urlPathEqualTo("/v0.10/task_list")).withQueryParam("offset", equalTo("975"))
				.withQueryParam("limit", equalTo("25")));
		this.globus.server()
			.verify(0, getRequestedFor(urlPathEqualTo("/v0.10/task_list")).withQueryParam("offset",
					matching("[0-9]{4,}")));
	}

	@Test
	void aTimeThePortalCannotReadIsSaidAndTheNewestAreShown() {
		String page = content(this.user.get("/tasks?before=yesterday"));

		assertThat(page).contains("not a time the portal understands").contains("task 0 of 5000");
	}

	private static String olderLink(String page) {
		Matcher matcher = OLDER.matcher(page);
		return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
	}

	/** One page of the canned task list: 25 tasks from this one on, newest first. */
	private static String page(int offset, int firstTask) {
		ObjectNode list = (ObjectNode) JSON.readTree(FakeGlobus.body("transfer/task_list.json"));
		ObjectNode template = (ObjectNode) list.path("DATA").path(0);
		ArrayNode data = list.putArray("DATA");
		for (int i = 0; i < 25; i++) {
			int n = firstTask + offset + i;
			data.add(template.deepCopy()
				.put("task_id", UUID.nameUUIDFromBytes(("task-" + n).getBytes()).toString())
				.put("label", "task " + n + " of 5000")
				.put("request_time", requested(n).atOffset(ZoneOffset.UTC).toString()));
		}
		list.put("length", 25);
		list.put("limit", 25);
		list.put("offset", offset);
		list.put("total", (firstTask == 0) ? 5000 : 5000 - firstTask);
		return list.toString();
	}

	private static Instant requested(int task) {
		return NEWEST.minusSeconds(60L * task);
	}

	private static String filterTime(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(instant);
	}

}
