package org.transferportal.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.transferportal.simulator.SimulatedGlobusBrowser;
import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.GlobusSimulatorInstance;
import org.transferportal.support.PortalInstance;
import org.transferportal.support.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared lab portal under Globus faults: two instances on one PostgreSQL, each user's
 * requests taking turns between them as behind a round-robin load balancer, and one
 * simulated Globus for both that fails one call in ten (503, 429 with Retry-After,
 * storage errors, answers slower than the portal's timeout, dropped connections) and
 * loses or drops the answers of accepted submissions. Every submission ends as exactly
 * one task at Globus, counted there by label; no draft is left without its task or a
 * message; every user sees a clear message (and submits again) or the task.
 */
class ScaleOutFaultsIntegrationTests {

	static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniRq83vEjRWeJA=";

	static final List<String> USERS = List.of("alice@globusid.org", "bob@uchicago.edu", "carol@example.edu");

	static final int SUBMISSIONS_PER_USER = 6;

	static final int MAX_ATTEMPTS = 6;

	static final String LABEL_PREFIX = "scale-";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void noSubmissionIsLostOrDoubledAcrossInstancesWhileGlobusMisbehaves() throws Exception {
		Map<String, String> faults = new LinkedHashMap<>();
		faults.put("simulator.fault-rate", "0.1");
		faults.put("simulator.slow-delay", "1500ms");
		// Whatever the dice say, a few accepted submissions lose their answer or have it
		// dropped, and a few submission ids are dropped on the way.
		faults.put("simulator.faults[0]", "POST /transfer:lost:2");
		faults.put("simulator.faults[1]", "POST /transfer:lost-drop:2");
		faults.put("simulator.faults[2]", "GET /submission_id:drop:2");
		String database = SharedPostgres.newDatabase();
		try (GlobusSimulatorInstance globus = GlobusSimulatorInstance.start(faults);
				PortalInstance a = PortalInstance.startWith(database, KEY, instanceProperties(globus));
				PortalInstance b = PortalInstance.startWith(database, KEY, instanceProperties(globus))) {
			List<String> instances = List.of("http://localhost:" + a.port(), "http://localhost:" + b.port());
			Map<String, String> landedOn = new ConcurrentHashMap<>();
			AtomicInteger messagesShown = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(USERS.size() * 2);
			List<Future<?>> work = new ArrayList<>();
			for (String user : USERS) {
				DemoUserAgent agent = new DemoUserAgent(instances, user);
				// Log in once before the user's submissions start in parallel.
				assertThat(agent.open("/logout").uri().getPath()).isEqualTo("/logout");
				for (int i = 0; i < SUBMISSIONS_PER_USER; i++) {
					String label = LABEL_PREFIX + localPart(user) + "-" + i;
					work.add(pool.submit(() -> landedOn.put(label,
							PatientUser.submitUntilDone(agent, label, MAX_ATTEMPTS, messagesShown))));
				}
			}
			for (Future<?> future : work) {
				future.get(120, TimeUnit.SECONDS);
			}
			pool.shutdown();

			Map<String, List<String>> tasksByLabel = new LinkedHashMap<>();
			for (String user : USERS) {
				tasksByLabel.putAll(tasksAtGlobus(globus, localPart(user)));
			}
			List<Map<String, Object>> drafts = a.jdbc()
				.sql("select label, status, task_id, message from transfer_request")
				.query()
				.listOfRows();
			long withoutTaskOrMessage = drafts.stream()
				.filter((d) -> d.get("task_id") == null && d.get("message") == null)
				.count();
			long duplicates = tasksByLabel.values().stream().mapToLong((ids) -> Math.max(0, ids.size() - 1)).sum();
			int submissions = USERS.size() * SUBMISSIONS_PER_USER;
			double submittedOnA = submitted(a);
			double submittedOnB = submitted(b);
			System.out.printf(
					"scale-out under faults: 2 instances, %d submissions (%.0f finished on A, %.0f on B), %d tasks at "
							+ "Globus for %d labels, %d duplicates, %d drafts (%d without task or message), %d "
							+ "messages shown and resubmitted; faults injected: %s%n",
					submissions, submittedOnA, submittedOnB, tasksByLabel.values().stream().mapToInt(List::size).sum(),
					tasksByLabel.size(), duplicates, drafts.size(), withoutTaskOrMessage, messagesShown.get(),
					faultsInjected(globus));

			assertThat(landedOn).hasSize(submissions);
			assertThat(submittedOnA).as("submissions finished on A").isPositive();
			assertThat(submittedOnB).as("submissions finished on B").isPositive();
			assertThat(duplicates).as("duplicate tasks").isZero();
			assertThat(withoutTaskOrMessage).as("drafts left without a task or a message").isZero();
			assertThat(drafts).as("one draft per submission").hasSize(submissions);
			for (Map<String, Object> draft : drafts) {
				String label = (String) draft.get("label");
				assertThat(tasksByLabel.get(label)).as("tasks at Globus labelled %s", label)
					.containsExactly(landedOn.get(label));
				assertThat(draft).as("draft of %s", label)
					.containsEntry("status", "SUBMITTED")
					.containsEntry("task_id", landedOn.get(label));
			}
		}
	}

	private static Map<String, String> instanceProperties(GlobusSimulatorInstance globus) {
		Map<String, String> properties = new LinkedHashMap<>(globus.globusProperties());
		properties.put("globus.timeout", "1s");
		properties.put("globus.max-retries", "3");
		properties.put("globus.retry-base-delay", "20ms");
		properties.put("globus.max-retry-delay", "300ms");
		properties.put("portal.rate-limit.submissions-per-minute", "0");
		properties.put("portal.rate-limit.drafts-per-minute", "0");
		// The lab's two tutorial collections, consented to at login, as in the demo.
		String[] tutorials = { PatientUser.TUTORIAL_1, PatientUser.TUTORIAL_2 };
		for (int i = 0; i < tutorials.length; i++) {
			properties.put("portal.lab.collections[" + i + "].id", tutorials[i]);
			properties.put("portal.lab.collections[" + i + "].name", "Tutorial " + (i + 1));
			properties.put("portal.lab.collections[" + i + "].path", "/share/godata/");
			properties.put("portal.lab.collections[" + i + "].consent-at-login", "true");
		}
		return properties;
	}

	/**
	 * The user's tasks at the simulated Globus with one of this test's labels, by label,
	 * read from Transfer's task list (asked again while a fault answers instead).
	 */
	private static Map<String, List<String>> tasksAtGlobus(GlobusSimulatorInstance globus, String localPart) {
		Map<String, String> credentials = globus.globusProperties();
		SimulatedGlobusBrowser client = new SimulatedGlobusBrowser(globus.port(), credentials.get("globus.client-id"),
				credentials.get("globus.client-secret"));
		String token = client.transferToken(localPart, "openid " + SimulatedGlobusBrowser.TRANSFER_ALL);
		String path = "/simulator/transfer/v0.10/task_list?limit=1000&filter=label:~" + LABEL_PREFIX + localPart + "-";
		for (int attempt = 0; attempt < 20; attempt++) {
			HttpResponse<String> answer;
			try {
				answer = client.get(path, token);
			}
			catch (IllegalStateException ex) {
				// A dropped connection.
				continue;
			}
			if (answer.statusCode() == 200) {
				Map<String, List<String>> byLabel = new LinkedHashMap<>();
				for (JsonNode task : SimulatedGlobusBrowser.json(answer).path("DATA")) {
					byLabel.computeIfAbsent(task.path("label").asString(), (l) -> new ArrayList<>())
						.add(task.path("task_id").asString());
				}
				return byLabel;
			}
		}
		throw new AssertionError("The simulator's task list kept failing");
	}

	private static JsonNode faultsInjected(GlobusSimulatorInstance globus) throws Exception {
		HttpResponse<String> stats = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(globus.baseUrl() + "/simulator/stats"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(stats.body()).path("faults");
	}

	/** Clicks that ended in a task on this instance (the portal's own metric). */
	private static double submitted(PortalInstance instance) {
		return instance.context()
			.getBean(MeterRegistry.class)
			.counter("portal.transfer.submissions", "outcome", "submitted")
			.count();
	}

	private static String localPart(String username) {
		return username.substring(0, username.indexOf('@'));
	}

}
