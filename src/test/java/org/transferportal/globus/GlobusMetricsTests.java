package org.transferportal.globus;

import java.net.URI;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import org.transferportal.globus.GlobusFixtures.RecordingSleeper;
import org.transferportal.globus.GlobusFixtures.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.transferportal.globus.GlobusFixtures.json;

/**
 * The {@code globus.requests} timers never carry what a user typed: each client method
 * names its operation, an unnamed call folds every id-like segment, and a cap bounds the
 * rest.
 */
class GlobusMetricsTests {

	@RegisterExtension
	static final GlobusServer server = new GlobusServer();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private TransferClient client() {
		GlobusClients clients = new GlobusClients(WebClient.create(), GlobusFixtures.properties(server),
				new RecordingSleeper(), this.meters);
		return clients.transfer(new Tokens("AgXferTok0123", "AgXferTokNew"));
	}

	@Test
	void aThousandBogusTaskIdsAddNoSeriesBeyondTheFirst() {
		server.stubFor(any(anyUrl()).willReturn(json(404, "errors/not_found.json")));
		TransferClient client = client();
		askForTask(client, "t0");
		Set<Meter.Id> first = ids();
		for (int i = 1; i < 1000; i++) {
			// Short ids, long ones, UUIDs and words: whatever reaches the client.
			String bogus = switch (i % 4) {
				case 0 -> "t" + i;
				case 1 -> UUID.randomUUID().toString();
				case 2 -> "x".repeat(1 + i % 60);
				default -> "abc" + Integer.toString(i, 26).replaceAll("[0-9]", "q");
			};
			askForTask(client, bogus);
		}
		assertThat(ids()).isEqualTo(first);
		Timer timer = this.meters.get(GlobusMetrics.REQUESTS)
			.tags("operation", "transfer.get_task", "outcome", "404")
			.timer();
		assertThat(timer.count()).isEqualTo(1000);
	}

	@Test
	void everyTransferOperationIsNamedByItsClientMethodNotByItsUrl() {
		server.stubFor(any(anyUrl()).willReturn(json(404, "errors/not_found.json")));
		TransferClient client = client();
		String collection = "1405823f-0597-4a16-b296-46d4f0ae4b15";
		askFor(() -> client.collection(collection));
		askFor(() -> client.taskEvents("t1", 10, 0, false));
		askFor(() -> client.successfulTransfers("t1", null));
		askFor(() -> client.cancelTask("t1"));
		askFor(() -> client.renameBookmark("b1", "name"));
		Set<String> operations = this.meters.find(GlobusMetrics.REQUESTS)
			.timers()
			.stream()
			.map((timer) -> timer.getId().getTag("operation"))
			.collect(Collectors.toSet());
		assertThat(operations).containsExactlyInAnyOrder("transfer.get_endpoint", "transfer.task_event_list",
				"transfer.task_successful_transfers", "transfer.cancel_task", "transfer.update_bookmark");
	}

	@Test
	void anUnnamedCallFoldsEverySegmentThatIsNotAnApiWordWhateverItsLength() {
		assertThat(GlobusHttp.operation(URI.create("http://g/v0.10/task/t1/event_list")))
			.isEqualTo("/v0.10/task/{id}/event_list");
		assertThat(GlobusHttp.operation(URI.create("http://g/v0.10/task/b8872740-7edc-11ec-9f33-ed182a728dff")))
			.isEqualTo("/v0.10/task/{id}");
		assertThat(GlobusHttp.operation(URI.create("http://g/v0.10/bookmark/B-1"))).isEqualTo("/v0.10/bookmark/{id}");
		assertThat(GlobusHttp.operation(URI.create("http://g/v0.10/task/%2e%2e"))).isEqualTo("/v0.10/task/{id}");
		assertThat(GlobusHttp.operation(URI.create("http://g/v2/api/identities/ae332d86/consents")))
			.isEqualTo("/v2/api/identities/{id}/consents");
		assertThat(GlobusHttp.operation(URI.create("http://g/prefix/v0.10/submission_id")))
			.isEqualTo("/v0.10/submission_id");
	}

	@Test
	void theCapKeepsAtMostItsNumberOfOperationNames() {
		MeterRegistry capped = new SimpleMeterRegistry();
		capped.config().meterFilter(GlobusMetrics.cap("operation", GlobusMetrics.MAX_OPERATIONS));
		for (int i = 0; i < 1000; i++) {
			Timer.builder(GlobusMetrics.REQUESTS)
				.tag("operation", "/v0.10/task/" + i)
				.register(capped)
				.record(java.time.Duration.ofMillis(1));
		}
		assertThat(capped.find(GlobusMetrics.REQUESTS).timers()).hasSize(GlobusMetrics.MAX_OPERATIONS);
		assertThat(capped.getMeters()).hasSize(GlobusMetrics.MAX_OPERATIONS);
	}

	private Set<Meter.Id> ids() {
		return this.meters.getMeters().stream().map(Meter::getId).collect(Collectors.toSet());
	}

	private static void askForTask(TransferClient client, String taskId) {
		askFor(() -> client.task(taskId));
	}

	private static void askFor(Runnable call) {
		assertThatExceptionOfType(GlobusApiException.class).isThrownBy(call::run);
	}

}
