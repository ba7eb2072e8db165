package org.transferportal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.transferportal.support.FakeGlobus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code MANAGEMENT_SERVER_PORT} set (as the compose files and the Dockerfile do),
 * the actuator lives on that port, open to whoever reaches it, with health components and
 * Prometheus; the portal's port keeps only the probes (review L10).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "globus.client-id=" + FakeGlobus.CLIENT_ID, "globus.client-secret=" + FakeGlobus.CLIENT_SECRET,
				"portal.audit.status-refresh=0", "management.server.port=0" })
class ActuatorOnManagementPortIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void fakeGlobus(DynamicPropertyRegistry registry) {
		FakeGlobus.register(registry);
	}

	@Test
	void theManagementPortServesPrometheus() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void theManagementPortShowsHealthComponentsAndDetails() throws Exception {
		HttpResponse<String> health = get(this.managementPort, "/actuator/health");
		assertThat(health.statusCode()).isIn(200, 503);
		assertThat(health.body()).contains("\"components\"").contains("\"db\"").contains("\"globus\"");
		assertThat(get(this.managementPort, "/actuator/health/db").statusCode()).isEqualTo(200);
		HttpResponse<String> liveness = get(this.managementPort, "/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		// Liveness is the portal alone: a Globus outage is no reason to restart it.
		assertThat(liveness.body()).contains("livenessState").doesNotContain("globus");
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void theManagementPortSetsNoSessionCookie() throws Exception {
		assertThat(get(this.managementPort, "/actuator/health").headers().allValues("Set-Cookie")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/livez", "/readyz" })
	void thePortalPortKeepsTheProbes(String path) throws Exception {
		HttpResponse<String> probe = get(this.port, path);
		assertThat(probe.statusCode()).isEqualTo(200);
		assertThat(probe.body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator/health/db", "/actuator/info",
			"/actuator" })
	void thePortalPortServesNoActuatorEndpoint(String path) throws Exception {
		HttpResponse<String> response = get(this.port, path);
		assertThat(response.statusCode()).as(path).isEqualTo(404);
		assertThat(response.body()).as(path).doesNotContain("jvm_").doesNotContain("\"db\"");
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
