package org.transferportal.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The one HTTP client outside {@code globus}: it posts to the lab's own webhook receiver,
 * not to Globus. It follows no redirect (Standard Webhooks counts one as a failure), and
 * every call is bounded by its timeout.
 */
@Component
class WebhookPoster {

	/** A receiver's answer. */
	record Answer(int status, String retryAfter) {
	}

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(CONNECT_TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * Posts a JSON body.
	 * @throws java.net.http.HttpTimeoutException when no answer came within the timeout
	 * @throws IOException when the receiver could not be reached or dropped the call
	 */
	Answer post(URI url, Map<String, String> headers, String body, Duration timeout)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null));
	}

}
