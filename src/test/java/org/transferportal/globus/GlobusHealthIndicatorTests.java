package org.transferportal.globus;

import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class GlobusHealthIndicatorTests {

	@Test
	void globusIsUpWhenAuthAnswersAndTransferRefusesAnAnonymousCall() {
		WireMockServer globus = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		globus.start();
		try {
			globus.stubFor(
					get(urlEqualTo("/jwk.json")).willReturn(aResponse().withStatus(200).withBody("{\"keys\":[]}")));
			globus.stubFor(get(urlEqualTo("/v0.10/submission_id")).willReturn(aResponse().withStatus(401)
				.withBody("{\"code\":\"AuthenticationFailed\",\"message\":\"No token\"}")));
			assertThat(indicator(globus.baseUrl()).health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			globus.stop();
		}
	}

	@Test
	void globusIsDownWhenNothingAnswers() {
		assertThat(indicator("http://127.0.0.1:9").health().getStatus()).isEqualTo(Status.DOWN);
	}

	private static GlobusHealthIndicator indicator(String url) {
		GlobusProperties properties = GlobusFixtures.properties(url, Duration.ofSeconds(2), 0);
		GlobusClients clients = new GlobusClients(WebClient.create(), properties, (wait) -> {
		});
		return new GlobusHealthIndicator(clients, properties, Clock.systemUTC());
	}

}
