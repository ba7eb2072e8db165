package org.transferportal.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.simulator.SimulatedGlobusBrowser.TRANSFER_ALL;
import static org.transferportal.simulator.SimulatedGlobusBrowser.dataAccess;
import static org.transferportal.simulator.SimulatedGlobusBrowser.json;

/**
 * Test support: calls the simulated Transfer API as a client would, with documents built
 * from maps, and waits for a task to reach a state (polling, never timing).
 */
public class SimulatedTransferApi {

	public static final String API = "/simulator/transfer/v0.10";

	public static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	public static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	public static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	public static final String ARCHIVE = "313ce13e-b597-5858-ae13-29e46fea26e6";

	public static final String SHARED_RESULTS = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	public static final String OUTBOX = "b2c4e6f8-1a3c-4e5f-9a7b-2c4e6f8a0b1c";

	private final int port;

	private final SimulatorProperties simulator;

	private final SimulatedGlobusBrowser browser;

	public SimulatedTransferApi(int port, SimulatorProperties simulator) {
		this.port = port;
		this.simulator = simulator;
		this.browser = new SimulatedGlobusBrowser(port, simulator);
	}

	/** A browser of its own, e.g. for the consents page. */
	public SimulatedGlobusBrowser browser() {
		return this.browser;
	}

	/** A Transfer token of a new login, consenting to data_access on the collections. */
	public String token(String identity, String... collections) {
		String scope = "openid " + TRANSFER_ALL;
		if (collections.length > 0) {
			List<String> deps = new ArrayList<>();
			for (String id : collections) {
				deps.add("*" + dataAccess(id));
			}
			scope += "[" + String.join(" ", deps) + "]";
		}
		return new SimulatedGlobusBrowser(this.port, this.simulator).transferToken(identity, scope);
	}

	public HttpResponse<String> get(String path, String token) {
		return this.browser.get(API + path, token);
	}

	public HttpResponse<String> post(String path, String token, Object body) {
		return this.browser.send("POST", API + path, token,
				(body instanceof String text) ? text : (body != null) ? SimJson.write(body) : null);
	}

	public String submissionId(String token) {
		return json(get("/submission_id", token)).path("value").asString();
	}

	/** A transfer document with a fresh submission id; add options to the map. */
	public Map<String, Object> transfer(String token, String source, String destination, Object... items) {
		return SimJson.object("DATA_TYPE", "transfer", "submission_id", submissionId(token), "source_endpoint", source,
				"destination_endpoint", destination, "label", "contract test", "DATA", List.of(items));
	}

	public static Map<String, Object> item(String sourcePath, String destinationPath, Boolean recursive) {
		Map<String, Object> item = SimJson.object("DATA_TYPE", "transfer_item", "source_path", sourcePath,
				"destination_path", destinationPath);
		if (recursive != null) {
			item.put("recursive", recursive);
		}
		return item;
	}

	/** A delete document with a fresh submission id. */
	public Map<String, Object> delete(String token, String collection, String... paths) {
		return SimJson.object("DATA_TYPE", "delete", "submission_id", submissionId(token), "endpoint", collection,
				"DATA",
				java.util.Arrays.stream(paths)
					.map((p) -> SimJson.object("DATA_TYPE", "delete_item", "path", p))
					.toList());
	}

	/** Submits and returns the new task's id. */
	public String submit(String path, String token, Map<String, Object> document) {
		HttpResponse<String> accepted = post(path, token, document);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return json(accepted).path("task_id").asString();
	}

	public JsonNode task(String token, String taskId) {
		return json(get("/task/" + taskId, token));
	}

	/** Polls the task until it meets the condition (or gives up after a minute). */
	public JsonNode await(String token, String taskId, Predicate<JsonNode> condition, String what)
			throws InterruptedException {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
		JsonNode task = task(token, taskId);
		while (!condition.test(task)) {
			if (Instant.now().isAfter(giveUp)) {
				throw new AssertionError("Task " + taskId + " never became " + what + ": " + task);
			}
			Thread.sleep(50);
			task = task(token, taskId);
		}
		return task;
	}

	public JsonNode awaitStatus(String token, String taskId, String status) throws InterruptedException {
		return await(token, taskId, (t) -> status.equals(t.path("status").asString()), status);
	}

	/**
	 * Cancels every task of the user that is still running, so a test starts with free
	 * slots.
	 */
	public void cancelAll(String token) {
		JsonNode open = json(get("/task_list?limit=1000&filter=status:ACTIVE,INACTIVE", token));
		for (JsonNode task : open.path("DATA")) {
			post("/task/" + task.path("task_id").asString() + "/cancel", token, null);
		}
	}

	/** The event list, errors only or all. */
	public JsonNode events(String token, String taskId, boolean errorsOnly) {
		return json(get("/task/" + taskId + "/event_list?limit=100" + (errorsOnly ? "&filter=is_error:1" : ""), token));
	}

	public static Map<String, String> asMap(JsonNode node) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		node.propertyNames().forEach((name) -> map.put(name, node.get(name).asString("")));
		return map;
	}

}
