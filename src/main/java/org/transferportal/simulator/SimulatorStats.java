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
 * that benchmarks can tell how many calls the portal made; read at
 * {@code GET /simulator/stats}.
 */
@RestController
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class SimulatorStats {

	private static final Pattern ID = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}(?=/|$)");

	private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

	/** Counts one Transfer call; {@code path} is relative to {@code /v0.10}. */
	public void count(String method, String path) {
		String key = method + " " + ID.matcher(path).replaceAll("/{id}");
		this.calls.computeIfAbsent(key, (k) -> new LongAdder()).increment();
	}

	@GetMapping("/simulator/stats")
	ResponseEntity<String> stats() {
		Map<String, Long> counts = new TreeMap<>();
		this.calls.forEach((key, count) -> counts.put(key, count.sum()));
		return SimJson.respond(200, SimJson.object("transfer_calls", counts));
	}

}
