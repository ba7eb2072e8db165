package org.transferportal.recovery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import org.transferportal.globus.CanonicalUuid;

/**
 * The task page's "Retry failed items" and "Run again" buttons: each opens a new transfer
 * form to check, or comes back to the task with why not.
 */
@Controller
class RecoveryController {

	private final Recovery recovery;

	RecoveryController(Recovery recovery) {
		this.recovery = recovery;
	}

	@PostMapping("/tasks/{id}/retry")
	String retry(@PathVariable String id, RedirectAttributes redirect) {
		return go(canonical(id), this.recovery.retry(canonical(id)), redirect);
	}

	@PostMapping("/tasks/{id}/again")
	String again(@PathVariable String id, @RequestParam(name = "only_changed", required = false) String onlyChanged,
			RedirectAttributes redirect) {
		return go(canonical(id), this.recovery.again(canonical(id), onlyChanged != null), redirect);
	}

	private static String go(String taskId, Recovery.Step step, RedirectAttributes redirect) {
		if (step.problem() != null) {
			redirect.addFlashAttribute("refusal", step.problem());
			return "redirect:/tasks/" + UriUtils.encodePathSegment(taskId, StandardCharsets.UTF_8);
		}
		redirect.addFlashAttribute("notice", step.notice());
		return "redirect:" + step.path();
	}

	/** A task id is a UUID; anything else is answered here, before any call to Globus. */
	private static String canonical(String id) {
		UUID uuid = CanonicalUuid.parse(id);
		if (uuid == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such task");
		}
		return uuid.toString();
	}

}
