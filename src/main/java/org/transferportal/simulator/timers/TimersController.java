package org.transferportal.simulator.timers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.transferportal.simulator.FaultInjector;
import org.transferportal.simulator.IssuedToken;
import org.transferportal.simulator.SimJson;
import org.transferportal.simulator.TokenStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated Globus Timers API (reference §1): {@code POST /v2/timer} creates a
 * transfer timer, the jobs API lists, reads (with a page of runs), renames, pauses,
 * resumes and deletes. Calls need a Timers token of the owner; named faults apply here
 * too, with paths relative to this root.
 */
@RestController
@RequestMapping(TimersController.BASE)
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TimersController {

	static final String BASE = "/simulator/timers";

	/** Runs per page of a job document, unless {@code page_size} says otherwise. */
	static final int PAGE_SIZE = 10;

	private static final Set<String> STATUSES = Set.of("active", "inactive", "ended");

	private final TimerEngine engine;

	private final TokenStore tokens;

	private final FaultInjector faults;

	TimersController(TimerEngine engine, TokenStore tokens, FaultInjector faults) {
		this.engine = engine;
		this.tokens = tokens;
		this.faults = faults;
	}

	@PostMapping("/v2/timer")
	ResponseEntity<String> create(@RequestBody(required = false) String body, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			JsonNode document = (body != null && !body.isBlank()) ? SimJson.read(body) : null;
			if (document == null || !document.isObject()) {
				throw TimerError.invalid(List.of("body"), "field required", "value_error.missing");
			}
			TimerRequests.NewTimer timer = TimerRequests.parse(document, this.engine.now());
			SimTimer created = this.engine.create(caller.sub(), caller.clientId(), timer);
			ResponseEntity<String> answer = SimJson.respond(201, TimerJson.created(created));
			// Timers has no submission id: an answer lost here leaves a timer the client
			// must find rather than create again.
			return this.faults.lostAnswer(request.getMethod(), path(request), answer).orElse(answer);
		});
	}

	@GetMapping("/jobs/")
	ResponseEntity<String> list(@RequestParam(name = "filter_name", required = false) String filterName,
			@RequestParam(name = "filter_status", required = false) String filterStatus,
			@RequestParam(name = "order", required = false) String order,
			@RequestParam(name = "result_count", required = false) Integer resultCount, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			Set<String> statuses = statuses(filterStatus);
			String fragment = (filterName != null) ? filterName.toLowerCase(Locale.ROOT) : null;
			List<SimTimer> timers = new ArrayList<>();
			for (SimTimer timer : this.engine.listOf(caller.sub())) {
				String status = "new".equals(timer.status) ? "active" : timer.status;
				if (statuses.contains(status)
						&& (fragment == null || timer.name.toLowerCase(Locale.ROOT).contains(fragment))) {
					timers.add(timer);
				}
			}
			timers.sort(order(order));
			int results = (resultCount != null) ? Math.max(0, resultCount) : PAGE_SIZE;
			List<Map<String, Object>> jobs = new ArrayList<>();
			for (SimTimer timer : timers) {
				synchronized (timer) {
					jobs.add(TimerJson.job(timer, this.engine.now(), this.engine::taskStatus, 0, results));
				}
			}
			return SimJson.respond(200, SimJson.object("jobs", jobs));
		});
	}

	@GetMapping("/jobs/{id}")
	ResponseEntity<String> read(@PathVariable String id,
			@RequestParam(name = "page_size", required = false) Integer pageSize,
			@RequestParam(name = "results_pt", required = false) String pageToken, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTimer timer = timer(caller, id);
			int from = 0;
			if (pageToken != null) {
				try {
					from = Math.max(0, Integer.parseInt(pageToken));
				}
				catch (NumberFormatException ex) {
					throw TimerError.invalid(List.of("query", "results_pt"), "invalid page token", "value_error");
				}
			}
			int size = (pageSize != null && pageSize > 0) ? Math.min(pageSize, 100) : PAGE_SIZE;
			synchronized (timer) {
				return SimJson.respond(200,
						TimerJson.job(timer, this.engine.now(), this.engine::taskStatus, from, size));
			}
		});
	}

	@PatchMapping("/jobs/{id}")
	ResponseEntity<String> update(@PathVariable String id, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTimer timer = timer(caller, id);
			JsonNode update = (body != null && !body.isBlank()) ? SimJson.read(body) : SimJson.read("{}");
			for (String field : update.propertyNames()) {
				if (!"name".equals(field)) {
					throw TimerError.invalid(List.of("body", field), "extra fields not permitted", "value_error.extra");
				}
			}
			if (update.has("name")) {
				if (!update.path("name").isString()) {
					throw TimerError.invalid(List.of("body", "name"), "str type expected", "type_error.str");
				}
				this.engine.rename(timer, update.path("name").asString());
			}
			synchronized (timer) {
				return SimJson.respond(200,
						TimerJson.job(timer, this.engine.now(), this.engine::taskStatus, 0, PAGE_SIZE));
			}
		});
	}

	@PostMapping("/jobs/{id}/pause")
	ResponseEntity<String> pause(@PathVariable String id, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTimer timer = timer(caller, id);
			this.engine.pause(timer);
			return SimJson.respond(200, SimJson.object("message", "Successfully paused job " + id + "."));
		});
	}

	/**
	 * Resumes; {@code update_credentials} is read from the query, as the service declares
	 * it, or from a JSON body, as Globus's Python SDK sends it.
	 */
	@PostMapping("/jobs/{id}/resume")
	ResponseEntity<String> resume(@PathVariable String id,
			@RequestParam(name = "update_credentials", required = false) Boolean updateCredentials,
			@RequestBody(required = false) String body, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTimer timer = timer(caller, id);
			boolean update = Boolean.TRUE.equals(updateCredentials);
			if (!update && body != null && !body.isBlank()) {
				update = SimJson.read(body).path("update_credentials").asBoolean(false);
			}
			this.engine.resume(timer, update);
			return SimJson.respond(200, SimJson.object("message", "Successfully resumed job " + id + "."));
		});
	}

	@DeleteMapping("/jobs/{id}")
	ResponseEntity<String> delete(@PathVariable String id, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTimer timer = timer(caller, id);
			this.engine.delete(timer);
			synchronized (timer) {
				return SimJson.respond(200,
						TimerJson.job(timer, this.engine.now(), this.engine::taskStatus, 0, PAGE_SIZE));
			}
		});
	}

	private SimTimer timer(IssuedToken caller, String id) {
		return this.engine.find(caller.sub(), id)
			.orElseThrow(() -> TimerError.of(404, "NOT_FOUND", "Job " + id + " not found"));
	}

	private static Set<String> statuses(String filter) {
		if (filter == null || filter.isBlank()) {
			return STATUSES;
		}
		Set<String> statuses = new java.util.HashSet<>();
		for (String status : filter.split(",")) {
			String trimmed = status.trim();
			if (!STATUSES.contains(trimmed)) {
				throw TimerError.invalid(List.of("query", "filter_status"),
						"unexpected value; permitted: 'active', 'inactive', 'ended'", "value_error.const");
			}
			statuses.add(trimmed);
		}
		return statuses;
	}

	/** {@code FIELD [asc|desc]}, by submission time (the default) or by name. */
	private static Comparator<SimTimer> order(String order) {
		if (order == null || order.isBlank()) {
			return Comparator.comparing((SimTimer t) -> t.submittedAt);
		}
		String[] parts = order.trim().split("\\s+");
		Comparator<SimTimer> by = switch (parts[0]) {
			case "submitted_at" -> Comparator.comparing((SimTimer t) -> t.submittedAt);
			case "name" -> Comparator.comparing((SimTimer t) -> t.name);
			default -> throw TimerError.invalid(List.of("query", "order"), "cannot order by '" + parts[0] + "'",
					"value_error");
		};
		return (parts.length > 1 && "desc".equalsIgnoreCase(parts[1])) ? by.reversed() : by;
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.startsWith(BASE) ? uri.substring(BASE.length()) : uri;
	}

	private ResponseEntity<String> guarded(HttpServletRequest request,
			java.util.function.Function<IssuedToken, ResponseEntity<String>> handler) {
		Optional<ResponseEntity<String>> fault = this.faults.faultFor(request.getMethod(), path(request));
		if (fault.isPresent()) {
			return fault.get();
		}
		IssuedToken caller = this.tokens.fromHeader(request.getHeader(HttpHeaders.AUTHORIZATION), TokenStore.TIMERS)
			.orElseThrow(() -> TimerError.of(401, "AUTHENTICATION_ERROR",
					"Token is not active, or is not a token for Globus Timers"));
		return handler.apply(caller);
	}

}
