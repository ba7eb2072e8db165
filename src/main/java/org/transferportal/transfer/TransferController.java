package org.transferportal.transfer;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.transferportal.collections.CollectionPicker;
import org.transferportal.collections.FormPickers;
import org.transferportal.support.LocalPaths;
import org.transferportal.transfer.TransferDrafts.Draft;

/**
 * The transfer form: deep links show it prefilled, a post submits it.
 */
@Controller
class TransferController {

	private final TransferService service;

	private final FormTranslator translator;

	private final CollectionPicker picker;

	private final FormPickers pickers;

	TransferController(TransferService service, FormTranslator translator, CollectionPicker picker,
			FormPickers pickers) {
		this.service = service;
		this.translator = translator;
		this.picker = picker;
		this.pickers = pickers;
	}

	/** A deep link: the form prefilled, with the problems of what the link filled in. */
	@GetMapping("/transfer")
	String form(@RequestParam MultiValueMap<String, String> params, Model model) {
		TransferForm form = TransferForm.from(params);
		Draft draft = this.service.open(form);
		return show(model, draft.id(), form, this.translator.checkGiven(form), null);
	}

	@PostMapping("/transfer")
	String submit(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "manifest_file", required = false) MultipartFile manifestFile, Model model,
			HttpServletResponse response) {
		String draftId = params.getFirst("draft");
		TransferForm form = TransferForm.from(params, manifestFile);
		if (draftId == null || draftId.isBlank()) {
			draftId = this.service.open(form).id();
		}
		if (manifestFile != null && manifestFile.getSize() > TransferForm.MAX_MANIFEST_BYTES) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(model, draftId, form,
					Map.of("manifest", "A batch file can be at most 1 MB; split it into several transfers"), null);
		}
		FormAction action = FormAction.of(params);
		if (action != null && this.service.keep(draftId, action.applyTo(form))) {
			return "redirect:" + action.next(draftId, action.applyTo(form), this.picker.labCollections());
		}
		TransferOutcome outcome = this.service.submit(draftId, form);
		if (outcome.leavesForm()) {
			return "redirect:" + outcome.nextPath(draftId);
		}
		// Shown again at once, so that an uploaded batch file is not lost; field errors
		// stand next to their fields, any other reason above the form.
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("requestId", outcome.requestId());
		return show(model, draftId, form, outcome.errors(), outcome.errors().isEmpty() ? outcome.message() : null);
	}

	/**
	 * The file manager's "Start transfer": the selection becomes a batch of the form,
	 * shown for review with every option before anything is submitted.
	 */
	@PostMapping("/transfer/selection")
	String selection(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "item", required = false) List<String> items,
			@RequestParam(defaultValue = "/files") String back, RedirectAttributes redirect) {
		String manifest = (items != null && !items.isEmpty()) ? SelectionManifest.of(items) : null;
		if (manifest == null) {
			redirect.addFlashAttribute("error", "Select at least one file or folder to transfer.");
			return "redirect:" + LocalPaths.onPage(back, "/files");
		}
		LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		for (String name : List.of("source_collection", "source_path", "destination_collection", "destination_path",
				"label")) {
			fields.add(name, (params.getFirst(name) != null) ? params.getFirst(name) : "");
		}
		fields.add("manifest", manifest);
		Draft draft = this.service.open(TransferForm.from(fields));
		return "redirect:" + TransferPaths.draft(draft.id());
	}

	@GetMapping("/transfer/drafts/{id}")
	String draft(@PathVariable String id, @RequestParam(required = false) String consent,
			@RequestParam(required = false) String find, @RequestParam(required = false) String q,
			@RequestParam(required = false) String scope, Model model) {
		Draft draft = this.service.draft(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such transfer form"));
		if (draft.submitted()) {
			return "redirect:" + TransferPaths.task(draft.taskId());
		}
		String message = draft.message();
		if ("access_denied".equals(consent)) {
			message = "You declined the consent at Globus, so nothing was submitted. Your transfer is below, "
					+ "unchanged: submit it again when you are ready to allow access.";
		}
		else if (consent != null) {
			message = "The trip to Globus Auth did not complete (" + consent + "). Nothing was submitted; "
					+ "you can submit again.";
		}
		model.addAttribute("search", FormPickers.Search.of(find, q, scope));
		return show(model, draft.id(), draft.form(), this.translator.checkGiven(draft.form()), message);
	}

	private String show(Model model, String draftId, TransferForm form, Map<String, String> errors, String message) {
		model.addAttribute("draftId", draftId);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("labCollections", this.picker.labCollections());
		model.addAttribute("pickers", this.pickers.forForm(form.sourceCollection(), form.destinationCollection(),
				(FormPickers.Search) model.getAttribute("search"), errors.isEmpty()));
		return "transfer/form";
	}

}
