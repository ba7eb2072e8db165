package org.transferportal.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test support: a lab's webhook receiver on a local port. It checks every call's Standard
 * Webhooks signature with its own HMAC (not the portal's signer) and keeps what came;
 * tests script its answers (a status, a Retry-After, a hold until released).
 */
final class WebhookReceiver implements AutoCloseable {

	/** A fresh secret: {@code whsec_} and 32 random bytes. */
	static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(randomBytes());

	/**
	 * One call as received.
	 *
	 * @param id {@code webhook-id}
	 * @param timestamp {@code webhook-timestamp}
	 * @param body the raw body
	 * @param verified whether a {@code v1} signature matched and the timestamp was within
	 * five minutes
	 * @param answered the status answered
	 */
	record Call(String id, String timestamp, String body, boolean verified, int answered) {
	}

	/** A scripted answer. */
	record Answer(int status, String retryAfter, CountDownLatch hold) {
	}

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final byte[] key;

	private final Deque<Answer> script = new ConcurrentLinkedDeque<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger arrived = new AtomicInteger();

	/** How long every unscripted answer takes. */
	private volatile Duration slowness = Duration.ZERO;

	private WebhookReceiver(String secret) throws IOException {
		this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hooks", this::handle);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	static WebhookReceiver start() {
		try {
			return new WebhookReceiver(SECRET);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
	}

	/** The next call gets this answer (later ones 204, unless scripted too). */
	WebhookReceiver then(int status) {
		return then(status, null, null);
	}

	WebhookReceiver then(int status, String retryAfter, CountDownLatch hold) {
		this.script.add(new Answer(status, retryAfter, hold));
		return this;
	}

	/** Every unscripted answer from now on takes this long. */
	WebhookReceiver slow(Duration duration) {
		this.slowness = duration;
		return this;
	}

	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** Calls that reached the receiver, answered or not yet. */
	int arrived() {
		return this.arrived.get();
	}

	void reset() {
		this.script.clear();
		this.calls.clear();
		this.slowness = Duration.ZERO;
		this.arrived.set(0);
	}

	/** Waits (at most {@code limit}) until this many calls were answered. */
	List<Call> awaitCalls(int count, Duration limit) throws InterruptedException {
		Instant until = Instant.now().plus(limit);
		while (this.calls.size() < count && Instant.now().isBefore(until)) {
			Thread.sleep(20);
		}
		assertThat(this.calls).as("calls received").hasSizeGreaterThanOrEqualTo(count);
		return calls();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.arrived.incrementAndGet();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String id = exchange.getRequestHeaders().getFirst("webhook-id");
		String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
		String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
		boolean verified = verify(id, timestamp, signatures, body);
		Answer answer = this.script.poll();
		if (answer == null) {
			answer = new Answer(204, null, null);
			try {
				Thread.sleep(this.slowness.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (answer.hold() != null) {
			try {
				answer.hold().await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (answer.retryAfter() != null) {
			exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
		}
		this.calls.add(new Call(id, timestamp, body, verified, answer.status()));
		try {
			exchange.sendResponseHeaders(answer.status(), -1);
		}
		catch (IOException ex) {
			// The portal gave up waiting (its timeout): nothing to answer.
		}
		exchange.close();
	}

	private boolean verify(String id, String timestamp, String signatures, String body) {
		if (id == null || timestamp == null || signatures == null) {
			return false;
		}
		long sentAt = Long.parseLong(timestamp);
		if (Math.abs(Instant.now().getEpochSecond() - sentAt) > 300) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			for (String signature : signatures.split(" ")) {
				if (signature.startsWith("v1,")
						&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		new java.security.SecureRandom().nextBytes(bytes);
		return bytes;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
