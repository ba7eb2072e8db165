package org.transferportal.tasks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
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

	TaskController(TaskService service) {
		this.service = service;
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
	String detail(@PathVariable String id, @RequestParam(required = false) Long marker, Model model) {
		checkId(id);
		model.addAttribute("taskId", id);
		try {
			TaskService.TaskDetail detail = this.service.task(id, (marker != null && marker >= 0) ? marker : null);
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
