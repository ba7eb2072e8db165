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
 * Behind a TLS proxy on a private network, the portal builds https redirect URIs, sends
 * HSTS and marks its session cookie Secure; it takes those headers from no one else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "globus.client-id=tls-test", "globus.client-secret=secret",
				"globus.auth-url=https://auth.example.org", "globus.transfer-url=https://transfer.example.org" })
class TlsProxyIntegrationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aForwardedHttpsRequestGetsHttpsRedirectUriHstsAndASecureCookie() throws Exception {
		HttpResponse<String> login = send("/oauth2/authorization/globus", true);
		String location = login.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("https://auth.example.org/v2/oauth2/authorize")
			.contains("redirect_uri=https://portal.example.org/login/oauth2/code/globus");
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void aPlainRequestGetsNeitherHstsNorASecureCookie() throws Exception {
		HttpResponse<String> login = send("/oauth2/authorization/globus", false);
		assertThat(login.headers().firstValue("Location").orElseThrow())
			.contains("redirect_uri=http://localhost:" + this.port + "/login/oauth2/code/globus");
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(login.headers().allValues("Set-Cookie"))
			.allSatisfy((cookie) -> assertThat(cookie).doesNotContain("Secure"));
	}

	@Test
	void forwardedPrefixAndTheStandardForwardedHeaderAreNotHonouredEvenFromTheProxy() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/authorization/globus"))
			.header("X-Forwarded-Prefix", "//evil.example")
			.header("Forwarded", "proto=https;host=evil.example")
			.GET()
			.build();
		HttpResponse<String> login = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location").orElseThrow())
			.contains("redirect_uri=http://localhost:" + this.port + "/login/oauth2/code/globus")
			.doesNotContain("evil");
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	private HttpResponse<String> send(String path, boolean viaTlsProxy) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (viaTlsProxy) {
			// The test talks from 127.0.0.1, an address Tomcat trusts as a proxy.
			request.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "portal.example.org")
				.header("X-Forwarded-For", "203.0.113.9");
		}
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
