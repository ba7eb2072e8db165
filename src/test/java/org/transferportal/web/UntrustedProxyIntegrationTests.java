package org.transferportal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As docker-compose.yml deploys it, the portal takes X-Forwarded-* headers from its load
 * balancer's address alone ({@code server.tomcat.remoteip.internal-proxies}): from any
 * other address, even a private one, they change nothing (review L2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "globus.client-id=proxy-test", "globus.client-secret=secret",
				"globus.auth-url=https://auth.example.org", "globus.transfer-url=https://transfer.example.org",
				"server.tomcat.remoteip.internal-proxies=172\\.30\\.250\\.10" })
class UntrustedProxyIntegrationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void forwardedHeadersFromAnAddressThatIsNotTheLoadBalancerAreIgnored() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/authorization/globus"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Port", "443")
			.header("X-Forwarded-For", "203.0.113.9")
			.GET()
			.build();
		HttpResponse<String> login = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location").orElseThrow())
			.contains("redirect_uri=http://localhost:" + this.port + "/login/oauth2/code/globus")
			.doesNotContain("evil.example");
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(login.headers().allValues("Set-Cookie"))
			.allSatisfy((cookie) -> assertThat(cookie).doesNotContain("Secure"));
	}

}
