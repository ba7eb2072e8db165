package org.transferportal.globus;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

import org.transferportal.globus.GlobusHttp.Answer;
import org.transferportal.globus.GlobusHttp.Retry;

/**
 * Globus Transfer v0.10 on behalf of one user. Obtain one from {@link GlobusClients}.
 */
public final class TransferClient {

	private final GlobusHttp http;

	private final GlobusHttp submitHttp;

	private final JsonMapper json;

	private final String baseUrl;

	private final AccessTokenProvider tokens;

	/**
	 * @param http for every call but submissions
	 * @param submitHttp for submissions and their ids, which a click waits on: shorter
	 * timeouts and fewer retries
	 */
	TransferClient(GlobusHttp http, GlobusHttp submitHttp, JsonMapper json, String baseUrl,
			AccessTokenProvider tokens) {
		this.http = http;
		this.submitHttp = submitHttp;
		this.json = json;
		this.baseUrl = baseUrl;
		this.tokens = tokens;
	}

	/** A collection or endpoint document. */
	public Collection collection(String collectionId) {
		return get(Collection.class, uri("/endpoint/{id}", collectionId));
	}

	/** One page of an endpoint search. */
	public CollectionList searchCollections(CollectionSearch search) {
		Query query = new Query().add("filter_fulltext", search.fulltext())
			.add("filter_scope", search.scope())
			.add("filter_entity_type", search.entityType())
			.add("filter_owner_id", search.ownerId())
			.add("filter_host_endpoint", search.hostEndpoint())
			.add("filter_non_functional",
					(search.nonFunctional() == null) ? null : (search.nonFunctional() ? "1" : "0"))
			.add("limit", search.limit())
			.add("offset", search.offset());
		return get(CollectionList.class, query.uri(this.baseUrl + "/endpoint_search"));
	}

	/** A folder listing. */
	public FileList list(String collectionId, ListingQuery listing) {
		Query query = new Query().add("path", listing.path())
			.add("show_hidden", listing.showHidden() ? "1" : "0")
			.add("orderby", listing.orderBy())
			.add("limit", (listing.limit() > 0) ? listing.limit() : null)
			.add("offset", (listing.offset() > 0) ? listing.offset() : null)
			.add("local_user", listing.localUser());
		listing.filters().forEach((filter) -> query.add("filter", filter));
		return get(FileList.class, query.uri(this.baseUrl + "/operation/endpoint/{id}/ls", collectionId));
	}

	/** Facts about one file or folder. */
	public FileEntry stat(String collectionId, String path) {
		Query query = new Query().add("path", path);
		return get(FileEntry.class, query.uri(this.baseUrl + "/operation/endpoint/{id}/stat", collectionId));
	}

	/** Makes a folder. */
	public OperationResult mkdir(String collectionId, String path) {
		Map<String, Object> body = Map.of("DATA_TYPE", "mkdir", "path", path);
		return send(HttpMethod.POST, uri("/operation/endpoint/{id}/mkdir", collectionId), body, Retry.NEVER,
				OperationResult.class);
	}

	/** Renames or moves a file or folder within a collection. */
	public OperationResult rename(String collectionId, String oldPath, String newPath) {
		Map<String, Object> body = Map.of("DATA_TYPE", "rename", "old_path", oldPath, "new_path", newPath);
		return send(HttpMethod.POST, uri("/operation/endpoint/{id}/rename", collectionId), body, Retry.NEVER,
				OperationResult.class);
	}

	/** A new submission id, which makes a later submission idempotent. */
	public String submissionId() {
		URI uri = uri("/submission_id");
		JsonNode node = send(this.submitHttp, HttpMethod.GET, uri, null, Retry.SAFE, JsonNode.class);
		String value = node.path("value").asString("");
		if (value.isBlank()) {
			throw new GlobusApiException(200, "UnexpectedResponse", "Globus answered without a submission id", null,
					uri.getPath());
		}
		return value;
	}

	/**
	 * Submits a transfer. The document must carry its submission id, so that every retry
	 * (here or by the caller) can create at most one task; a {@code Duplicate} answer is
	 * returned as success with the original task id.
	 */
	public SubmitResult submitTransfer(TransferDocument document) {
		requireSubmissionId(document.submissionId());
		return send(this.submitHttp, HttpMethod.POST, uri("/transfer"), document, Retry.SAFE, SubmitResult.class);
	}

	/** Submits a delete, exactly once for its submission id. */
	public SubmitResult submitDelete(DeleteDocument document) {
		requireSubmissionId(document.submissionId());
		return send(this.submitHttp, HttpMethod.POST, uri("/delete"), document, Retry.SAFE, SubmitResult.class);
	}

	/** One task of the user. */
	public Task task(String taskId) {
		return get(Task.class, uri("/task/{id}", taskId));
	}

	/** A page of the user's tasks, newest first. */
	public TaskList tasks(TaskQuery taskQuery) {
		String filter = taskQuery.filter();
		Query query = new Query().add("limit", taskQuery.limit())
			.add("offset", taskQuery.offset())
			.add("orderby", "request_time DESC")
			.add("filter", filter.isEmpty() ? null : filter);
		return get(TaskList.class, query.uri(this.baseUrl + "/task_list"));
	}

	/** Cancels a task; cancelling twice is harmless, so it is retried like a read. */
	public OperationResult cancelTask(String taskId) {
		return send(HttpMethod.POST, uri("/task/{id}/cancel", taskId), null, Retry.SAFE, OperationResult.class);
	}

	/** Changes the label and/or deadline of a running task. */
	public OperationResult updateTask(String taskId, String label, String deadline) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("DATA_TYPE", "task");
		if (label != null) {
			body.put("label", label);
		}
		if (deadline != null) {
			body.put("deadline", deadline);
		}
		return send(HttpMethod.PUT, uri("/task/{id}", taskId), body, Retry.SAFE, OperationResult.class);
	}

	/** A page of a task's events; {@code errorsOnly} keeps the error events. */
	public TaskEventList taskEvents(String taskId, int limit, int offset, boolean errorsOnly) {
		Query query = new Query().add("limit", limit)
			.add("offset", offset)
			.add("filter", errorsOnly ? "is_error:1" : null);
		return get(TaskEventList.class, query.uri(this.baseUrl + "/task/{id}/event_list", taskId));
	}

	/** A page of the files a task transferred; pass the previous page's next marker. */
	public TransferredFiles successfulTransfers(String taskId, Long marker) {
		Query query = new Query().add("marker", marker);
		return get(TransferredFiles.class, query.uri(this.baseUrl + "/task/{id}/successful_transfers", taskId));
	}

	/** A page of the files a task skipped because of errors. */
	public TransferredFiles skippedErrors(String taskId, Long marker) {
		Query query = new Query().add("marker", marker);
		return get(TransferredFiles.class, query.uri(this.baseUrl + "/task/{id}/skipped_errors", taskId));
	}

	/** The pause rules that hold a task, with their messages. */
	public PauseInfo pauseInfo(String taskId) {
		return get(PauseInfo.class, uri("/task/{id}/pause_info", taskId));
	}

	/** The user's bookmarks, shared with the Globus web app. */
	public java.util.List<Bookmark> bookmarks() {
		JsonNode data = get(JsonNode.class, uri("/bookmark_list")).path("DATA");
		return data.isArray() ? java.util.List.of(this.json.treeToValue(data, Bookmark[].class)) : java.util.List.of();
	}

	/** Adds a bookmark; Globus makes the id. */
	public Bookmark createBookmark(String name, String collectionId, String path) {
		Map<String, Object> body = Map.of("DATA_TYPE", "bookmark", "name", name, "endpoint_id", collectionId, "path",
				path);
		return send(HttpMethod.POST, uri("/bookmark"), body, Retry.NEVER, Bookmark.class);
	}

	/** Renames a bookmark. */
	public Bookmark renameBookmark(String bookmarkId, String name) {
		Map<String, Object> body = Map.of("DATA_TYPE", "bookmark", "name", name);
		return send(HttpMethod.PUT, uri("/bookmark/{id}", bookmarkId), body, Retry.SAFE, Bookmark.class);
	}

	/** Deletes a bookmark. */
	public void deleteBookmark(String bookmarkId) {
		send(HttpMethod.DELETE, uri("/bookmark/{id}", bookmarkId), null, Retry.SAFE, Void.class);
	}

	private static void requireSubmissionId(String submissionId) {
		if (submissionId == null || submissionId.isBlank()) {
			throw new IllegalArgumentException("A submission needs its submission id before it is sent");
		}
	}

	private URI uri(String path, Object... variables) {
		return new Query().uri(this.baseUrl + path, variables);
	}

	private <T> T get(Class<T> type, URI uri) {
		return send(HttpMethod.GET, uri, null, Retry.SAFE, type);
	}

	/**
	 * Sends a call and reads its answer as {@code type}; {@link Void} ignores the answer.
	 */
	private <T> T send(HttpMethod method, URI uri, Object body, Retry retry, Class<T> type) {
		return send(this.http, method, uri, body, retry, type);
	}

	private <T> T send(GlobusHttp through, HttpMethod method, URI uri, Object body, Retry retry, Class<T> type) {
		String jsonBody = (body != null) ? this.json.writeValueAsString(body) : null;
		Answer answer = withFreshTokenOnce(
				(token) -> through.exchange(method, uri, jsonBody, retry, (headers) -> bearer(headers, token)));
		return (type == Void.class) ? null : through.read(answer, uri, type);
	}

	private Answer withFreshTokenOnce(Function<String, Answer> call) {
		try {
			return call.apply(null);
		}
		catch (GlobusUnauthorizedException ex) {
			// Globus refused the token (expired or revoked early): refresh once, then
			// give up. The retry uses the token the refresh returned, in case the
			// provider's accessToken() still hands out the refused one.
			return call.apply(this.tokens.refreshAccessToken());
		}
	}

	private void bearer(HttpHeaders headers, String refreshed) {
		headers.setBearerAuth((refreshed != null && !refreshed.isBlank()) ? refreshed : this.tokens.accessToken());
	}

	/** Query parameters, encoded once and completely (paths may hold any character). */
	static final class Query {

		private final java.util.List<Map.Entry<String, Object>> params = new java.util.ArrayList<>();

		Query add(String name, Object value) {
			if (value != null) {
				this.params.add(Map.entry(name, value));
			}
			return this;
		}

		URI uri(String template, Object... pathVariables) {
			UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(template);
			java.util.List<Object> values = new java.util.ArrayList<>(java.util.List.of(pathVariables));
			for (int i = 0; i < this.params.size(); i++) {
				builder.queryParam(this.params.get(i).getKey(), "{q" + i + "}");
			}
			Map<String, Object> variables = new java.util.HashMap<>();
			java.util.List<String> names = new java.util.ArrayList<>();
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{(\\w+)\\}").matcher(template);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			for (int i = 0; i < names.size(); i++) {
				variables.put(names.get(i), values.get(i));
			}
			for (int i = 0; i < this.params.size(); i++) {
				variables.put("q" + i, this.params.get(i).getValue());
			}
			return builder.encode().buildAndExpand(variables).toUri();
		}

	}

}
