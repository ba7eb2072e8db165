package org.transferportal.simulator;

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
 * {@code PATH} is relative to {@code /v0.10} and may end in {@code *}, {@code STATUS} is
 * 429, 502, 503 or {@code slow}, and {@code COUNT} (default 1) is how many calls it hits.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class FaultInjector {

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
		for (NamedFault fault : this.namedFaults) {
			if (!"lost".equals(fault.status) && fault.matches(method, path)
					&& fault.remaining.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				return Optional.of(answer(fault.status, path));
			}
		}
		if (this.properties.faultRate() > 0 && ThreadLocalRandom.current().nextDouble() < this.properties.faultRate()) {
			String[] kinds = { "503", "429", "slow", "502" };
			return Optional.of(answer(kinds[ThreadLocalRandom.current().nextInt(kinds.length)], path));
		}
		return Optional.empty();
	}

	/**
	 * After a submission was accepted: the answer to send instead if it is to be lost (a
	 * named {@code lost} fault, or the random fault rate).
	 */
	public Optional<ResponseEntity<String>> lostAnswer(String method, String path) {
		for (NamedFault fault : this.namedFaults) {
			if ("lost".equals(fault.status) && fault.matches(method, path)
					&& fault.remaining.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				return Optional.of(answer("slow", path));
			}
		}
		if (this.properties.faultRate() > 0 && ThreadLocalRandom.current().nextDouble() < this.properties.faultRate()) {
			return Optional.of(answer("slow", path));
		}
		return Optional.empty();
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
			if (!List.of("429", "502", "503", "slow", "lost").contains(status)) {
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
