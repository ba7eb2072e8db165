package org.transferportal.globus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Canned Globus bodies from {@code src/test/resources/globus/} and the pieces every
 * client test needs: properties pointing at WireMock, a sleeper that only records, and a
 * token provider.
 */
final class GlobusFixtures {

	static final String CLIENT_ID = "4d2a3f10-7c33-4c3a-9b7a-2d8e6f1c0b55";

	static final String CLIENT_SECRET = "c2VjcmV0K3dpdGgvc2xhc2g9";

	private GlobusFixtures() {
	}

	/** The text of a canned body, e.g. {@code transfer/ls.json}. */
	static String body(String name) {
		try (InputStream in = GlobusFixtures.class.getResourceAsStream("/globus/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No canned body " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A JSON answer with a canned body. */
	static ResponseDefinitionBuilder json(int status, String name) {
		return WireMock.aResponse()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body(name));
	}

	static GlobusProperties properties(WireMockServer server) {
		return properties(server, Duration.ofSeconds(2), 3);
	}

	static GlobusProperties properties(WireMockServer server, Duration timeout, int maxRetries) {
		// A trailing slash on purpose: the client must not produce "//v0.10".
		return properties(server.baseUrl() + "/", timeout, maxRetries);
	}

	/**
	 * Globus at this URL; submissions get the same timeout and retries as every call, and
	 * answers up to 16 MB are read.
	 */
	static GlobusProperties properties(String url, Duration timeout, int maxRetries) {
		return new GlobusProperties(CLIENT_ID, CLIENT_SECRET, url, url, url, timeout, maxRetries,
				Duration.ofMillis(200), Duration.ofSeconds(10), timeout, maxRetries, DataSize.ofMegabytes(16));
	}

	static GlobusClients clients(GlobusProperties properties, RecordingSleeper sleeper) {
		return new GlobusClients(WebClient.create(), properties, sleeper);
	}

	/** Records the waits instead of waiting. */
	static final class RecordingSleeper implements GlobusHttp.Sleeper {

		final List<Duration> waits = new ArrayList<>();

		@Override
		public void sleep(Duration duration) {
			this.waits.add(duration);
		}

	}

	/** Hands out a token and, when asked, a fresh one. */
	static final class Tokens implements AccessTokenProvider {

		private String current;

		private final String next;

		int refreshes;

		Tokens(String current, String next) {
			this.current = current;
			this.next = next;
		}

		@Override
		public String accessToken() {
			return this.current;
		}

		@Override
		public String refreshAccessToken() {
			this.refreshes++;
			this.current = this.next;
			return this.next;
		}

	}

}
