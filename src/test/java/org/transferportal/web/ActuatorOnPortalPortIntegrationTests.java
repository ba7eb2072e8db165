package org.transferportal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a management port, the actuator shares the portal's port: anyone may read the
 * health status and the probes, no one Prometheus, info or health components (review
 * L10).
 */
// The shared demo context: the actuator's rules do not depend on which Globus is behind.
class ActuatorOnPortalPortIntegrationTests extends DemoTestSupport {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
