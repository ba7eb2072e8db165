package org.transferportal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.transferportal.support.FakeGlobus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a management port, the actuator shares the portal's port: anyone may read the
 * health status and the probes, no one Prometheus, info or health components (review
 * L10).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "globus.client-id=" + FakeGlobus.CLIENT_ID, "globus.client-secret=" + FakeGlobus.CLIENT_SECRET,
				"portal.audit.status-refresh=0" })
class ActuatorOnPortalPortIntegrationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void fakeGlobus(DynamicPropertyRegistry registry) {
		FakeGlobus.register(registry);
	}

	@Test
	void healthShowsItsStatusAndNothingElse() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		// Down (503) when Globus did not answer the check in time: Globus is part of it.
		assertThat(health.statusCode()).isIn(200, 503);
		// The names of the public probe groups, and nothing about the database or Globus.
		assertThat(health.body()).matches("\\{\"groups\":\\[\"liveness\",\"readiness\"\\],\"status\":\"(UP|DOWN)\"\\}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz" })
	void theProbesAreOpenForOrchestrators(String path) throws Exception {
		HttpResponse<String> probe = get(path);
		assertThat(probe.statusCode()).isEqualTo(200);
		assertThat(probe.body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/info", "/actuator", "/actuator/health/db",
			"/actuator/health/globus", "/actuator/env", "/actuator/prometheus;x=1", "/actuator/./prometheus",
			"/actuator//prometheus", "/x/..;/actuator/prometheus", "/actuator/%70rometheus" })
	void everyOtherActuatorPathIsNotFoundWithoutARedirectToLogin(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isIn(400, 404);
		assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
		assertThat(response.body()).as(path).doesNotContain("globus_requests").doesNotContain("jvm_");
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
