package org.transferportal.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Applies the latency, random fault rate and named one-off faults of
 * {@link SimulatorProperties} to simulated Transfer calls.
 *
 * <p>
 * A named fault reads {@code METHOD PATH:STATUS:COUNT}: {@code METHOD} may be {@code *},
 * {@code PATH} is relative to {@code /v0.10} and may end in {@code *}, and {@code COUNT}
 * (default 1) is how many calls it hits. {@code STATUS} is what happens instead of the
 * real answer, before the call takes effect: 429 (with Retry-After), 502, 503,
 * {@code slow} (stalls for {@code slow-delay}, then 504) or {@code drop} (the connection
 * is closed in the middle of the answer). Two more hit a submission after Transfer
 * accepted it, so that its task exists but the answer never arrives: {@code lost} (stalls
 * like {@code slow}) and {@code lost-drop} (dropped like {@code drop}). And
 * {@code inactive} lets a submission through but expires the credentials of the task it
 * creates: the task is INACTIVE until its owner authorizes anew. Only named faults give
 * {@code inactive}; the random fault rate never does.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class FaultInjector {

	/** Faults that replace the answer before the call takes effect. */
	private static final List<String> BEFORE = List.of("429", "502", "503", "slow", "drop");

	/** Faults that lose the answer of a submission Transfer accepted. */
	private static final List<String> AFTER = List.of("lost", "lost-drop");

	/** A fault that lets a submission through and expires its task's credentials. */
	private static final String INACTIVE = "inactive";

	/**
	 * A fault of a collection's HTTPS server: the HTML page that sends a browser to log
	 * in, with status 200.
	 */
	private static final String LOGIN_PAGE = "login-page";

	/** How many bytes a dropped answer promises beyond the ones it sends. */
	private static final int MISSING_BYTES = 512;

	private final SimulatorProperties properties;

	private final List<NamedFault> namedFaults = new ArrayList<>();

	private final SimulatorStats stats;

	public FaultInjector(SimulatorProperties properties, SimulatorStats stats) {
		this.properties = properties;
		this.stats = stats;
		for (String spec : properties.faults()) {
			this.namedFaults.add(NamedFault.parse(spec));
		}
	}

	/** Sleeps for the configured latency. */
	public void delay() {
		sleep(this.properties.latency());
	}

	/**
	 * The fault to answer a Transfer call with instead of its real answer, if any.
	 * @param method HTTP method
	 * @param path path relative to {@code /v0.10}
	 */
	public Optional<ResponseEntity<String>> faultFor(String method, String path) {
		this.stats.count(method, path);
		delay();
		String kind = namedFault(BEFORE, method, path)
			.orElseGet(() -> dice() ? BEFORE.get(ThreadLocalRandom.current().nextInt(BEFORE.size())) : null);
		if (kind == null) {
			return Optional.empty();
		}
		this.stats.fault(kind);
		return Optional.of(answer(kind, path));
	}

	/**
	 * The named fault due for a call to a simulated collection's HTTPS server, if any:
	 * {@code login-page}, or 429, 502, 503, {@code slow} (a 504) or {@code drop} (an
	 * upload broken off halfway). The random fault rate spares these servers, whose
	 * callers (a browser through the portal) do not retry.
	 * @param path {@code /https/<collection id><path>}
	 */
	public Optional<String> httpsFault(String method, String path) {
		List<String> kinds = new ArrayList<>(BEFORE);
		kinds.add(LOGIN_PAGE);
		Optional<String> kind = namedFault(kinds, method, path);
		kind.ifPresent(this.stats::fault);
		return kind;
	}

	/**
	 * After a submission was accepted: the answer to send instead if it is to be lost (a
	 * named {@code lost} or {@code lost-drop} fault, or the random fault rate, which
	 * stalls or drops it as often).
	 * @param accepted the answer Transfer would have sent
	 */
	public Optional<ResponseEntity<String>> lostAnswer(String method, String path, ResponseEntity<String> accepted) {
		String kind = namedFault(AFTER, method, path)
			.orElseGet(() -> dice() ? AFTER.get(ThreadLocalRandom.current().nextInt(AFTER.size())) : null);
		if (kind == null) {
			return Optional.empty();
		}
		this.stats.fault(kind);
		return Optional.of("lost".equals(kind) ? answer("slow", path) : dropped(accepted));
	}

	/**
	 * Whether the task an accepted submission created is to lose its credentials (a named
	 * {@code inactive} fault).
	 */
	public boolean expiresCredentials(String method, String path) {
		boolean due = namedFault(List.of(INACTIVE), method, path).isPresent();
		if (due) {
			this.stats.fault(INACTIVE);
		}
		return due;
	}

	private Optional<String> namedFault(List<String> kinds, String method, String path) {
		for (NamedFault fault : this.namedFaults) {
			if (kinds.contains(fault.status) && fault.matches(method, path)
					&& fault.remaining.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				return Optional.of(fault.status);
			}
		}
		return Optional.empty();
	}

	private boolean dice() {
		return this.properties.faultRate() > 0
				&& ThreadLocalRandom.current().nextDouble() < this.properties.faultRate();
	}

	/**
	 * The answer cut short, as when a proxy or the network drops the connection: its
	 * status and headers, a Content-Length that promises more than the half of the body
	 * that follows, and {@code Connection: close}, so that the server closes the
	 * connection after those bytes and the client sees it close in the middle of the
	 * answer.
	 */
	private static ResponseEntity<String> dropped(ResponseEntity<String> whole) {
		String body = (whole.getBody() != null) ? whole.getBody() : "";
		String half = body.substring(0, body.length() / 2);
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(whole.getHeaders());
		headers.setContentLength(body.getBytes(StandardCharsets.UTF_8).length + MISSING_BYTES);
		headers.setConnection("close");
		return ResponseEntity.status(whole.getStatusCode()).headers(headers).body(half);
	}

	private ResponseEntity<String> answer(String status, String path) {
		return switch (status) {
			case "429" -> {
				HttpHeaders headers = new HttpHeaders();
				headers.set(HttpHeaders.RETRY_AFTER, "1");
				yield SimJson.respond(429, error("RateLimited", "Rate limit exceeded, retry later", path), headers);
			}
			case "503" -> SimJson.respond(503,
					error("ServiceUnavailable", "The service is temporarily unavailable (simulated)", path));
			case "slow" -> {
				sleep(this.properties.slowDelay());
				yield SimJson.respond(504, error("GatewayTimeout", "The request took too long (simulated)", path));
			}
			// Any answer will do: it never arrives whole.
			case "drop" -> dropped(SimJson.respond(200, error("ConnectionDropped",
					"This answer is cut short: the connection closes before its end (simulated)", path)));
			default -> SimJson.respond(Integer.parseInt(status), error("ExternalError.ConnectionFailed",
					"Could not reach the collection's storage (simulated)", path));
		};
	}

	private static Object error(String code, String message, String path) {
		return SimJson.object("code", code, "message", message, "request_id", SimJson.requestId(), "resource", path);
	}

	private static void sleep(Duration duration) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record NamedFault(String method, String path, String status, AtomicInteger remaining) {

		static NamedFault parse(String spec) {
			String[] parts = spec.trim().split(":");
			String[] request = parts[0].trim().split("\\s+", 2);
			if (request.length != 2 || parts.length < 2) {
				throw new IllegalArgumentException("simulator.faults entry must read 'METHOD PATH:STATUS[:COUNT]'");
			}
			String status = parts[1].trim();
			if (!BEFORE.contains(status) && !AFTER.contains(status) && !INACTIVE.equals(status)
					&& !LOGIN_PAGE.equals(status)) {
				throw new IllegalArgumentException("Unsupported simulated fault status '" + status + "'");
			}
			int count = (parts.length > 2) ? Integer.parseInt(parts[2].trim()) : 1;
			return new NamedFault(request[0].toUpperCase(), request[1], status, new AtomicInteger(count));
		}

		boolean matches(String requestMethod, String requestPath) {
			boolean methodMatches = "*".equals(this.method) || this.method.equalsIgnoreCase(requestMethod);
			boolean pathMatches = this.path.endsWith("*")
					? requestPath.startsWith(this.path.substring(0, this.path.length() - 1))
					: this.path.equals(requestPath);
			return methodMatches && pathMatches;
		}

	}

}
