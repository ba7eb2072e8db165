package org.transferportal.tasks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.transferportal.globus.CanonicalUuid;
import org.transferportal.globus.GlobusApiException;

/**
 * Activity: the task list and each task's page.
 */
@Controller
class TaskController {

	private static final List<String> STATUSES = List.of("ACTIVE", "INACTIVE", "SUCCEEDED", "FAILED");

	private final TaskService service;

	private final HeldTasks held;

	TaskController(TaskService service, HeldTasks held) {
		this.service = service;
		this.held = held;
	}

	@GetMapping("/tasks")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(required = false) String before, Model model) {
		String filter = (status != null && STATUSES.contains(status)) ? status : null;
		Instant window = instantOrNull(before);
		if (before != null && !before.isEmpty() && window == null) {
			model.addAttribute("problem",
					"That is not a time the portal understands, so the newest transfers are shown.");
		}
		model.addAttribute("status", filter);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("page",
				this.service.tasks((filter != null) ? List.of(filter) : List.of(), Math.max(0, offset), window));
		return "tasks/list";
	}

	private static Instant instantOrNull(String text) {
		try {
			return (text != null && !text.isEmpty()) ? Instant.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	@GetMapping("/tasks/{id}")
	String detail(@PathVariable String id, @RequestParam(required = false) Long marker,
			@RequestParam(required = false) Long skipped, Model model) {
		checkId(id);
		model.addAttribute("taskId", id);
		try {
			TaskService.TaskDetail detail = this.service.task(id, (marker != null && marker >= 0) ? marker : null,
					(skipped != null && skipped >= 0) ? skipped : null);
			model.addAttribute("detail", detail);
			if (!detail.task().finished()) {
				// Works without JavaScript: the page reloads itself while the task runs.
				model.addAttribute("refreshSeconds", 5);
			}
		}
		catch (GlobusApiException ex) {
			// The task was created; say so even if its details cannot be read now.
			model.addAttribute("problem", (ex.status() == 404) ? "Globus has no task with this id for you."
					: "Globus could not report on this task just now: " + ex.getMessage());
			model.addAttribute("requestId", ex.requestId());
		}
		return "tasks/detail";
	}

	/** The live numbers the page's script polls; JSON, never an HTML error page. */
	@GetMapping(path = "/tasks/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<?> progress(@PathVariable String id) {
		checkId(id);
		try {
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.service.progress(id));
		}
		catch (GlobusApiException ex) {
			Map<String, String> problem = new LinkedHashMap<>();
			problem.put("message", ex.getMessage());
			problem.put("requestId", (ex.requestId() != null) ? ex.requestId() : "");
			return ResponseEntity.status((ex.status() == 404) ? 404 : 502).body(problem);
		}
	}

	/**
	 * The page's "What went wrong" section alone, which its script swaps in when the
	 * task's progress says it changed; a Globus failure shows as a message in it.
	 */
	@GetMapping(path = "/tasks/{id}/triage", produces = MediaType.TEXT_HTML_VALUE)
	String triage(@PathVariable String id, Model model, HttpServletResponse response) {
		checkId(id);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("taskId", id);
		try {
			model.addAttribute("triage", this.service.triage(id));
		}
		catch (GlobusApiException ex) {
			model.addAttribute("triageProblem", "Globus could not report on this task just now.");
		}
		return "tasks/triage :: triage";
	}

	/**
	 * "Grant consent" or "Log in again" for a task Globus holds: one trip to Globus Auth
	 * that comes back to the task.
	 */
	@PostMapping("/tasks/{id}/access")
	String regainAccess(@PathVariable String id, @RequestParam(defaultValue = "") String need) {
		checkId(id);
		return "redirect:" + this.held.regainAccess(id, "login".equals(need));
	}

	@PostMapping("/tasks/{id}/cancel")
	String cancel(@PathVariable String id, RedirectAttributes redirect) {
		checkId(id);
		this.service.cancel(id);
		redirect.addFlashAttribute("notice", "Cancellation requested.");
		return "redirect:/tasks/" + id;
	}

	/**
	 * Globus task ids are UUIDs; anything else is answered here, before any call to
	 * Globus (so that no made-up id reaches Globus, the logs or the metrics).
	 */
	private static void checkId(String id) {
		if (CanonicalUuid.parse(id) == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such task");
		}
	}

}
