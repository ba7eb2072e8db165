package org.transferportal.deletes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.transferportal.globus.CanonicalUuid;
import org.transferportal.support.LocalPaths;

/**
 * The file manager's "Delete…" buttons, the preview of what will go, and its
 * confirmation. Nothing is deleted before the confirmation is posted.
 */
@Controller
class DeleteController {

	private final DeleteService service;

	DeleteController(DeleteService service) {
		this.service = service;
	}

	/**
	 * From the file manager's selection form: the ticked entries of the pane's folder, or
	 * with {@code scope=folder} the folder itself. A refusal goes back to the file
	 * manager with why.
	 */
	@PostMapping("/deletes")
	String open(@RequestParam(name = "source_collection", defaultValue = "") String collection,
			@RequestParam(name = "source_path", defaultValue = "") String folder,
			@RequestParam(name = "item", required = false) List<String> items,
			@RequestParam(defaultValue = "selection") String scope, @RequestParam(defaultValue = "/files") String back,
			RedirectAttributes redirect) {
		DeleteService.Opened opened = this.service.open(collection, folder, items, "folder".equals(scope));
		if (opened.problem() != null) {
			redirect.addFlashAttribute("error", opened.problem());
			return "redirect:" + LocalPaths.onPage(back, "/files");
		}
		return "redirect:" + DeleteService.previewPath(opened.draftId());
	}

	@GetMapping("/deletes/{id}")
	String preview(@PathVariable String id, @RequestParam(required = false) String consent, Model model) {
		DeleteDrafts.Draft draft = ownDraft(id);
		if (draft.submitted()) {
			return "redirect:" + DeleteService.taskPath(draft.taskId());
		}
		String message = draft.message();
		if ("access_denied".equals(consent)) {
			message = "You declined the consent at Globus, so nothing was deleted. Confirm again when you are ready "
					+ "to allow access.";
		}
		else if (consent != null) {
			message = "The trip to Globus Auth did not complete (" + consent + "). Nothing was deleted; you can "
					+ "confirm again.";
		}
		return show(model, this.service.preview(draft, null), "", Map.of(), message, null);
	}

	@PostMapping("/deletes/{id}")
	String confirm(@PathVariable String id, @RequestParam(defaultValue = "") String confirm,
			@RequestParam(required = false) String label, Model model, HttpServletResponse response) {
		DeleteDrafts.Draft draft = ownDraft(id);
		DeleteOutcome outcome = this.service.confirm(draft.id(), confirm, label);
		if (outcome instanceof DeleteOutcome.Refused refused) {
			// Shown again at once, with what the user typed.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(model, this.service.preview(this.service.draft(draft.id()).orElse(draft), label), confirm,
					refused.errors(), refused.message(), refused.requestId());
		}
		return "redirect:" + outcome.nextPath(draft.id());
	}

	private DeleteDrafts.Draft ownDraft(String id) {
		UUID uuid = CanonicalUuid.parse(id);
		return ((uuid != null) ? this.service.draft(uuid.toString()) : Optional.<DeleteDrafts.Draft>empty())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such delete of yours"));
	}

	private static String show(Model model, DeletePreview preview, String typed, Map<String, String> errors,
			String message, String requestId) {
		model.addAttribute("preview", preview);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("requestId", requestId);
		return "deletes/preview";
	}

}
