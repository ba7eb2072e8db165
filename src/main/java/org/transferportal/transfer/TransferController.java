package org.transferportal.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
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
import org.transferportal.support.SlowDownException;
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

	/**
	 * A deep link (or a blank form): the form prefilled, with the problems of what the
	 * link filled in. Nothing is stored: the page carries a fresh key, and the draft is
	 * made from it when the form is first posted.
	 */
	@GetMapping("/transfer")
	String form(@RequestParam MultiValueMap<String, String> params, Model model) {
		TransferForm form = TransferForm.from(params);
		ScheduleForm schedule = ScheduleForm.from(params);
		model.addAttribute("linked", !params.isEmpty());
		return show(model, FormTarget.of(this.service.newForm()), form, checkGiven(form, schedule), null, schedule);
	}

	@PostMapping("/transfer")
	String submit(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "manifest_file", required = false) MultipartFile manifestFile, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		TransferForm form = TransferForm.from(params, manifestFile);
		FormTarget target = FormTarget.from(params);
		ScheduleForm schedule = ScheduleForm.from(params);
		Map<String, String> oversized = form.oversized();
		if (manifestFile != null && manifestFile.getSize() > TransferForm.MAX_MANIFEST_BYTES) {
			oversized = Map.of("manifest", "A batch file can be at most 1 MB; split it into several transfers");
		}
		if (!oversized.isEmpty()) {
			// Refused before anything is stored; the page keeps what was typed.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(model, target, form, oversized, null, schedule);
		}
		String draftId;
		// The draft this post made or found, so that submitting does not read it again.
		Draft opened = null;
		try {
			if (target.draftId() != null) {
				draftId = target.draftId();
			}
			else {
				opened = this.service.open(target.key(), form);
				draftId = opened.id();
			}
			FormDraft.set(request, draftId);
		}
		catch (SlowDownException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return show(model, target, form, Map.of(),
					"Slow down: you have started many transfer forms in the last "
							+ "minute. Nothing was submitted; submit again in " + Math.max(1, ex.waitFor().toSeconds())
							+ " seconds.",
					schedule);
		}
		// Search or Browse… pressed instead of Start: the form is kept and the page moves
		// on.
		FormAction action = FormAction.of(params);
		if (action != null && this.service.keep(draftId, action.applyTo(form))) {
			return "redirect:" + action.next(draftId, action.applyTo(form), this.picker.labCollections());
		}
		String confirmation = params.getFirst(DeletionConfirmation.FIELD);
		TransferOutcome outcome = (opened != null) ? this.service.submitOpened(opened, form, confirmation, schedule)
				: this.service.submit(draftId, form, confirmation, schedule);
		if (outcome.leavesForm()) {
			return "redirect:" + outcome.nextPath(draftId);
		}
		// Shown again at once, so that an uploaded batch file is not lost; field errors
		// stand next to their fields, any other reason above the form.
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("requestId", outcome.requestId());
		FormTarget next = (outcome instanceof TransferOutcome.Gone) ? FormTarget.of(this.service.newForm())
				: FormTarget.draft(draftId);
		return show(model, next, form, outcome.errors(), outcome.errors().isEmpty() ? outcome.message() : null,
				schedule);
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
		Draft draft = this.service.open("selection", UUID.randomUUID(), TransferForm.from(fields));
		return "redirect:" + TransferPaths.draft(draft.id());
	}

	/**
	 * A draft's form: kept as last entered, schedule section included; a draft never
	 * given a schedule takes one from the address, as a deep link does ("Schedule this"
	 * from a preset or a finished task).
	 */
	@GetMapping("/transfer/drafts/{id}")
	String draft(@PathVariable String id, @RequestParam(required = false) String consent,
			@RequestParam MultiValueMap<String, String> params, Model model, HttpServletRequest request) {
		Draft draft = this.service.show(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such transfer form"));
		FormDraft.set(request, draft.id());
		if (draft.submitted()) {
			return "redirect:" + TransferPaths.task(draft.taskId());
		}
		if (draft.scheduled()) {
			return "redirect:" + TransferPaths.schedule(draft.scheduleId());
		}
		ScheduleForm schedule = (draft.schedule() != null) ? draft.schedule() : ScheduleForm.from(params);
		String message = draft.message();
		if ("access_denied".equals(consent)) {
			message = "You declined the consent at Globus, so nothing was submitted. Your transfer is below, "
					+ "unchanged: submit it again when you are ready to allow access.";
		}
		else if (consent != null) {
			message = "The trip to Globus Auth did not complete (" + consent + "). Nothing was submitted; "
					+ "you can submit again.";
		}
		model.addAttribute("search",
				FormPickers.Search.of(params.getFirst("find"), params.getFirst("q"), params.getFirst("scope")));
		return show(model, FormTarget.draft(draft.id()), draft.form(), checkGiven(draft.form(), schedule), message,
				schedule);
	}

	/** The problems of what was filled in, schedule section included. */
	private Map<String, String> checkGiven(TransferForm form, ScheduleForm schedule) {
		Map<String, String> errors = new LinkedHashMap<>(this.translator.checkGiven(form));
		errors.putAll(this.service.checkSchedule(schedule));
		return errors;
	}

	private String show(Model model, FormTarget target, TransferForm form, Map<String, String> errors, String message,
			ScheduleForm schedule) {
		model.addAttribute("target", target);
		model.addAttribute("schedule", schedule);
		model.addAttribute("options", TransferOptions.nonDefault(form));
		model.addAttribute("deletionToken", DeletionConfirmation.token(form));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("labCollections", this.picker.labCollections());
		model.addAttribute("pickers", this.pickers.forForm(form.sourceCollection(), form.destinationCollection(),
				(FormPickers.Search) model.getAttribute("search"), errors.isEmpty()));
		return "transfer/form";
	}

}
