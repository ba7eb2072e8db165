package org.transferportal.transfer;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.transferportal.globus.CanonicalUuid;

/**
 * The way back from the file manager's "choose for the transfer form" mode: the folder or
 * files chosen become one side of the draft the user came from.
 */
@Controller
class DraftChoiceController {

	private final TransferService service;

	DraftChoiceController(TransferService service) {
		this.service = service;
	}

	@PostMapping("/transfer/drafts/{id}/choice")
	String choose(@PathVariable String id, @RequestParam(defaultValue = "") String side,
			@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String folder,
			@RequestParam(name = "item", required = false) List<String> items, RedirectAttributes redirect) {
		String draftId = (CanonicalUuid.parse(id) != null) ? CanonicalUuid.parse(id).toString() : null;
		FormChoice choice = FormChoice.of(side, collection, folder, items);
		if (draftId == null || choice == null || !this.service.choose(draftId, choice)) {
			redirect.addFlashAttribute("error",
					"That choice could not be used: the transfer form has expired, is not yours, or the folder is "
							+ "not one Globus accepts. Your transfer form is below as it was.");
			return (draftId != null) ? "redirect:" + TransferPaths.draft(draftId) : "redirect:/transfer";
		}
		redirect.addFlashAttribute("notice", choice.notice());
		return "redirect:" + TransferPaths.draft(draftId) + "#" + side + "_collection";
	}

}
