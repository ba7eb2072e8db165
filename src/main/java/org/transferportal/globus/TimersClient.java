package org.transferportal.globus;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

import org.transferportal.globus.GlobusHttp.Answer;
import org.transferportal.globus.GlobusHttp.Retry;
import org.transferportal.globus.TransferClient.Query;

/**
 * Globus Timers on behalf of one user: transfer timers are created through the v2 API,
 * everything else goes through the jobs API, which describes every timer with its v1
 * document. Obtain one from {@link GlobusClients}.
 */
public final class TimersClient {

	/** The resource server a transfer timer's runs use. */
	static final String TRANSFER_RESOURCE_SERVER = GlobusScopes.TRANSFER_RESOURCE_SERVER;

	private final GlobusHttp http;

	private final GlobusHttp submitHttp;

	private final JsonMapper json;

	private final String baseUrl;

	private final AccessTokenProvider tokens;

	/**
	 * @param http for every call but creation
	 * @param submitHttp for creation, which a click waits on
	 */
	TimersClient(GlobusHttp http, GlobusHttp submitHttp, JsonMapper json, String baseUrl, AccessTokenProvider tokens) {
		this.http = http;
		this.submitHttp = submitHttp;
		this.json = json;
		this.baseUrl = baseUrl;
		this.tokens = tokens;
	}

	/**
	 * Creates a transfer timer. Timers has no submission id, so this is never repeated
	 * here: after an answer that never came, the caller looks for the timer (by a mark in
	 * its name, see {@link #jobs}) before creating it again. The transfer's submission id
	 * is left out, as Globus's SDK does, and checksums are verified unless the transfer
	 * says otherwise (Timers' own default is off, Transfer's on).
	 */
	public CreatedTimer create(TransferTimer timer) {
		TransferDocument body = timer.body().withSubmissionId(null);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("timer_type", "transfer");
		document.put("name", timer.name());
		document.put("schedule", timer.schedule());
		document.put("resource_server", TRANSFER_RESOURCE_SERVER);
		JsonNode bodyJson = this.json.valueToTree(body);
		if (body.verifyChecksum() == null) {
			((tools.jackson.databind.node.ObjectNode) bodyJson).put("verify_checksum", true);
		}
		document.put("body", bodyJson);
		JsonNode answer = send(this.submitHttp, HttpMethod.POST, uri("/v2/timer"), Map.of("timer", document),
				Retry.NEVER);
		CreatedTimer created = TimerDocuments.created(answer);
		if (created.id() == null) {
			throw new GlobusApiException(201, "UnexpectedResponse", "Globus Timers answered without a timer id", null,
					"/v2/timer");
		}
		return created;
	}

	/**
	 * The user's timers, oldest first.
	 * @param nameContains only timers whose name contains this (any case), or
	 * {@code null}
	 * @param statuses only these statuses ({@code active}, {@code inactive},
	 * {@code ended}); empty for Timers' default, all three
	 */
	public List<TimerJob> jobs(String nameContains, List<String> statuses) {
		Query query = new Query().add("filter_name", nameContains)
			.add("filter_status", statuses.isEmpty() ? null : String.join(",", statuses))
			.add("order", "submitted_at asc");
		JsonNode answer = send(this.http, HttpMethod.GET, query.uri(this.baseUrl + "/jobs/"), null, Retry.SAFE);
		List<TimerJob> jobs = new ArrayList<>();
		answer.path("jobs").forEach((job) -> jobs.add(TimerDocuments.job(job)));
		return jobs;
	}

	/** One timer with a page of its most recent runs. */
	public TimerJob job(String timerId, int runs) {
		Query query = new Query().add("page_size", (runs > 0) ? runs : null);
		return TimerDocuments
			.job(send(this.http, HttpMethod.GET, query.uri(this.baseUrl + "/jobs/{id}", timerId), null, Retry.SAFE));
	}

	/** Renames a timer (its name is the only thing the jobs API lets change). */
	public TimerJob rename(String timerId, String name) {
		return TimerDocuments
			.job(send(this.http, HttpMethod.PATCH, uri("/jobs/{id}", timerId), Map.of("name", name), Retry.SAFE));
	}

	/** Pauses a timer; pausing twice is harmless. Timers' message. */
	public String pause(String timerId) {
		return message(send(this.http, HttpMethod.POST, uri("/jobs/{id}/pause", timerId), null, Retry.SAFE));
	}

	/**
	 * Resumes a timer; a run it missed runs at once.
	 * @param updateCredentials whether Timers should take the user's current consent in
	 * place of the one it holds (after a Globus Auth requirement was met). Sent as the
	 * query parameter the service declares (Globus's Python SDK sends a JSON body, which
	 * the service does not document).
	 */
	public String resume(String timerId, boolean updateCredentials) {
		Query query = new Query().add("update_credentials", updateCredentials ? "true" : null);
		return message(send(this.http, HttpMethod.POST, query.uri(this.baseUrl + "/jobs/{id}/resume", timerId), null,
				Retry.SAFE));
	}

	/**
	 * Deletes a timer: Timers marks it {@code delete_in_progress} and removes it in the
	 * background.
	 */
	public TimerJob delete(String timerId) {
		return TimerDocuments.job(send(this.http, HttpMethod.DELETE, uri("/jobs/{id}", timerId), null, Retry.SAFE));
	}

	private static String message(JsonNode answer) {
		return answer.path("message").asString("");
	}

	private URI uri(String path, Object... variables) {
		return new Query().uri(this.baseUrl + path, variables);
	}

	private JsonNode send(GlobusHttp through, HttpMethod method, URI uri, Object body, Retry retry) {
		String jsonBody = (body != null) ? this.json.writeValueAsString(body) : null;
		Answer answer = withFreshTokenOnce((token) -> through.exchange(method, uri, jsonBody, retry,
				(headers) -> headers.setBearerAuth((token != null) ? token : this.tokens.accessToken())));
		return through.read(answer, uri, JsonNode.class);
	}

	private Answer withFreshTokenOnce(Function<String, Answer> call) {
		try {
			return call.apply(null);
		}
		catch (GlobusUnauthorizedException ex) {
			// Refused (expired or revoked early): refresh once, then give up.
			return call.apply(this.tokens.refreshAccessToken());
		}
	}

}
