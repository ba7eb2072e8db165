package org.transferportal.globus;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends one request to Globus with a timeout, retries it when that is safe, and turns an
 * error answer into the error model.
 */
final class GlobusHttp {

	private static final Log logger = LogFactory.getLog(GlobusHttp.class);

	/** A path segment that is an API noun rather than an id. */
	private static final Pattern WORD = Pattern.compile("[a-z][a-z_]{0,39}");

	/** Whether a call may be sent again after a failure that left its outcome unknown. */
	enum Retry {

		/** Reads, and writes made idempotent by Globus (a submission id). */
		SAFE,
		/** Writes that could happen twice. */
		NEVER

	}

	/** A response as text, before it is parsed. */
	record Answer(int status, String body) {
	}

	/**
	 * The code of an answer larger than {@link GlobusProperties#maxAnswerSize()}: never
	 * retried, since Globus would send the same again.
	 */
	static final String ANSWER_TOO_LARGE = "AnswerTooLarge";

	private final WebClient webClient;

	private final GlobusProperties properties;

	private final GlobusErrors errors;

	private final JsonMapper json;

	private final Sleeper sleeper;

	private final MeterRegistry meters;

	GlobusHttp(WebClient webClient, GlobusProperties properties, JsonMapper json, Sleeper sleeper,
			MeterRegistry meters) {
		this.webClient = webClient;
		this.properties = properties;
		this.errors = new GlobusErrors(json);
		this.json = json;
		this.sleeper = sleeper;
		this.meters = meters;
	}

	/**
	 * Sends a request and returns the successful answer's body.
	 * @param operation the name the call is measured under, e.g.
	 * {@code transfer.get_task}: named by the client method, never taken from the URL, so
	 * that no id a user typed can become a metric series
	 * @param headers adds authorization and similar headers to each attempt (called per
	 * attempt, so a refreshed token is picked up)
	 */
	String send(String operation, HttpMethod method, URI uri, String jsonBody, Retry retry,
			Consumer<HttpHeaders> headers) {
		return exchange(operation, method, uri, jsonBody, retry, headers).body();
	}

	/** Like {@link #send}, but keeps the status of the successful answer. */
	Answer exchange(String operation, HttpMethod method, URI uri, String jsonBody, Retry retry,
			Consumer<HttpHeaders> headers) {
		return send(operation, method, uri, jsonBody, MediaType.APPLICATION_JSON, retry, headers);
	}

	/**
	 * Like {@link #exchange(String, HttpMethod, URI, String, Retry, Consumer)}, measured
	 * under a name made from the URL ({@link #operation(URI)}); for calls whose client
	 * method does not name its operation yet.
	 */
	Answer exchange(HttpMethod method, URI uri, String jsonBody, Retry retry, Consumer<HttpHeaders> headers) {
		return exchange(operation(uri), method, uri, jsonBody, retry, headers);
	}

	/**
	 * Like {@link #exchange(HttpMethod, URI, String, Retry, Consumer)}: the body only.
	 */
	String send(HttpMethod method, URI uri, String jsonBody, Retry retry, Consumer<HttpHeaders> headers) {
		return exchange(method, uri, jsonBody, retry, headers).body();
	}

	/**
	 * Reads a successful answer as the given type.
	 * @throws GlobusApiException with code {@code UnexpectedResponse} when the body is
	 * empty or not the expected JSON (a truncated answer, a proxy's HTML page)
	 */
	<T> T read(Answer answer, URI uri, Class<T> type) {
		T value = null;
		RuntimeException failure = null;
		if (!answer.body().isBlank()) {
			try {
				value = this.json.readValue(answer.body(), type);
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
		}
		if (value == null) {
			String message = "Globus answered HTTP " + answer.status() + " with a body the portal could not read";
			throw new GlobusApiException(answer.status(), "UnexpectedResponse", message, null, uri.getPath(), failure);
		}
		return value;
	}

	/**
	 * Posts an {@code application/x-www-form-urlencoded} body, as Auth's token endpoints
	 * want.
	 */
	Answer sendForm(String operation, URI uri, String form, Retry retry, Consumer<HttpHeaders> headers) {
		return send(operation, HttpMethod.POST, uri, form, MediaType.APPLICATION_FORM_URLENCODED, retry, headers);
	}

	private Answer send(String operation, HttpMethod method, URI uri, String body, MediaType contentType, Retry retry,
			Consumer<HttpHeaders> headers) {
		int attempt = 0;
		while (true) {
			try {
				Answer answer = attempt(operation, method, uri, body, contentType, headers);
				if (answer.status() >= 200 && answer.status() < 300) {
					return answer;
				}
				throw this.errors.toException(answer.status(), answer.body(), uri.getPath());
			}
			catch (GlobusException ex) {
				if (retry == Retry.NEVER || !ex.isRetryable() || ex.hasCode(ANSWER_TOO_LARGE)
						|| attempt >= this.properties.maxRetries()) {
					throw (ex instanceof RetryAfterException retryAfter) ? retryAfter.original() : ex;
				}
				Duration delay = delay(attempt, ex);
				logger.info("Globus call " + method + " " + uri.getPath() + " failed with " + ex.status() + " "
						+ ex.code() + "; retry " + (attempt + 1) + " in " + delay.toMillis() + " ms");
				this.sleeper.sleep(delay);
				attempt++;
			}
		}
	}

	/** One attempt, timed per operation and outcome for the portal's metrics. */
	private Answer attempt(String operation, HttpMethod method, URI uri, String body, MediaType contentType,
			Consumer<HttpHeaders> headers) {
		long start = System.nanoTime();
		String outcome = "unreachable";
		try {
			Answer answer = attemptOnce(method, uri, body, contentType, headers);
			outcome = String.valueOf(answer.status());
			return answer;
		}
		catch (GlobusException ex) {
			outcome = (ex.status() != 0) ? String.valueOf(ex.status()) : "unreachable";
			throw ex;
		}
		finally {
			Timer.builder("globus.requests")
				.description("Calls to Globus Auth, Transfer and Groups, per attempt")
				.tag("method", method.name())
				.tag("operation", operation)
				.tag("outcome", outcome)
				.register(this.meters)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * A name for a call whose client method does not name it: the path from the API
	 * version on, every segment that is not a plain lower-case word (as Globus's API
	 * nouns are: {@code task}, {@code endpoint}, {@code submission_id}) folded to
	 * {@code {id}}, whatever its length. A lower-case word typed by a user in an id's
	 * place would still show; {@link GlobusMetrics} caps the names as a backstop.
	 */
	static String operation(URI uri) {
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		int api = Math.max(path.indexOf("/v0.10/"), path.indexOf("/v2/"));
		String tail = (api >= 0) ? path.substring(api) : path;
		StringBuilder name = new StringBuilder();
		String[] segments = tail.split("/", -1);
		for (int i = 1; i < segments.length; i++) {
			String segment = segments[i];
			boolean version = i == 1 && api >= 0;
			name.append('/').append((version || WORD.matcher(segment).matches()) ? segment : "{id}");
		}
		return name.toString();
	}

	private Answer attemptOnce(HttpMethod method, URI uri, String body, MediaType contentType,
			Consumer<HttpHeaders> headers) {
		try {
			WebClient.RequestBodySpec request = this.webClient.method(method)
				.uri(uri)
				.accept(MediaType.APPLICATION_JSON)
				.headers(headers);
			WebClient.RequestHeadersSpec<?> ready = (body != null) ? request.contentType(contentType).bodyValue(body)
					: request;
			Answer answer = ready
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.onErrorMap(GlobusHttp::isTooLarge, (ex) -> tooLarge(response.statusCode().value(), uri, ex))
					.map((text) -> new Answer(response.statusCode().value(), text))
					.map((a) -> withRetryAfter(a, response.headers().asHttpHeaders(), uri)))
				.timeout(this.properties.timeout())
				.block();
			return answer;
		}
		catch (GlobusException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// Timeouts, refused or dropped connections: Globus gave no answer.
			String message = "Globus did not answer in time or the connection failed";
			throw new GlobusApiException(0, "Unreachable", message, null, uri.getPath(), ex);
		}
	}

	/**
	 * Whether reading the answer stopped at the codec's size limit (possibly wrapped).
	 */
	private static boolean isTooLarge(Throwable ex) {
		return ex instanceof DataBufferLimitException
				|| NestedExceptionUtils.getRootCause(ex) instanceof DataBufferLimitException;
	}

	private GlobusApiException tooLarge(int status, URI uri, Throwable cause) {
		long bytes = this.properties.maxAnswerSize().toBytes();
		String limit = (bytes >= 1024 * 1024) ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
		String message = "Globus answered with more than " + limit + ", more than the portal reads in one answer";
		return new GlobusApiException(status, ANSWER_TOO_LARGE, message, null, uri.getPath(), cause);
	}

	private Answer withRetryAfter(Answer answer, HttpHeaders headers, URI uri) {
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if ((answer.status() == 429 || answer.status() == 503) && retryAfter != null) {
			GlobusException ex = this.errors.toException(answer.status(), answer.body(), uri.getPath());
			throw new RetryAfterException(ex, parseSeconds(retryAfter));
		}
		return answer;
	}

	private Duration delay(int attempt, GlobusException ex) {
		Duration max = this.properties.maxRetryDelay();
		if (ex instanceof RetryAfterException retryAfter && retryAfter.wait != null) {
			return (retryAfter.wait.compareTo(max) > 0) ? max : retryAfter.wait;
		}
		long base = this.properties.retryBaseDelay().toMillis() << Math.min(attempt, 10);
		long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
		return Duration.ofMillis(Math.min(jittered, max.toMillis()));
	}

	private static Duration parseSeconds(String value) {
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			// An HTTP date is allowed too; back off normally rather than parse it.
			return null;
		}
	}

	/** An error answer that named how long to wait before trying again. */
	static final class RetryAfterException extends GlobusApiException {

		private final transient Duration wait;

		RetryAfterException(GlobusException cause, Duration wait) {
			super(cause.status(), cause.code(), cause.getMessage(), cause.requestId(), cause.resource(), cause);
			this.wait = wait;
		}

		/** The error Globus actually sent. */
		GlobusException original() {
			return (GlobusException) getCause();
		}

	}

	/** Waits between retries; replaced in tests. */
	interface Sleeper {

		void sleep(Duration duration);

		static Sleeper real() {
			return (duration) -> {
				try {
					Thread.sleep(duration.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting to retry", ex);
				}
			};
		}

	}

}
