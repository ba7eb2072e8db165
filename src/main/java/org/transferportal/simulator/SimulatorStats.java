package org.transferportal.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts the simulated Transfer calls by method and path (ids folded to {@code {id}}), so
 * that benchmarks can tell how many calls the portal made, and the faults injected by
 * kind; read at {@code GET /simulator/stats}.
 */
@RestController
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class SimulatorStats {

	private static final Pattern ID = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}(?=/|$)");

	private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

	/** Counts one Transfer call; {@code path} is relative to {@code /v0.10}. */
	public void count(String method, String path) {
		String key = method + " " + ID.matcher(path).replaceAll("/{id}");
		this.calls.computeIfAbsent(key, (k) -> new LongAdder()).increment();
	}

	/**
	 * Counts one injected fault of this kind ({@code 503}, {@code drop}, {@code lost}…).
	 */
	public void fault(String kind) {
		this.faults.computeIfAbsent(kind, (k) -> new LongAdder()).increment();
	}

	@GetMapping("/simulator/stats")
	ResponseEntity<String> stats() {
		return SimJson.respond(200, SimJson.object("transfer_calls", sums(this.calls), "faults", sums(this.faults)));
	}

	private static Map<String, Long> sums(Map<String, LongAdder> counters) {
		Map<String, Long> counts = new TreeMap<>();
		counters.forEach((key, count) -> counts.put(key, count.sum()));
		return counts;
	}

}
