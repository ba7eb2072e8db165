package org.transferportal.presets;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.transferportal.collections.FormPickers;
import org.transferportal.lab.LabAdminOnly;
import org.transferportal.lab.LabProperties;
import org.transferportal.transfer.TransferForm;

/**
 * The preset editor for lab admins (the security configuration keeps
 * {@code /lab/admin/**} to admins, and {@link LabAdminOnly} checks again): create from
 * scratch or from a filled-in transfer form, edit, delete.
 */
@Controller
@LabAdminOnly
class PresetAdminController {

	private static final String BASE = "/lab/admin/presets";

	private final PresetService presets;

	private final LabProperties lab;

	private final FormPickers pickers;

	PresetAdminController(PresetService presets, LabProperties lab, FormPickers pickers) {
		this.pickers = pickers;
		this.presets = presets;
		this.lab = lab;
	}

	@GetMapping(BASE + "/new")
	String blank(Model model) {
		return editor(model, null, new PresetEdit("", "", TransferForm.empty(), 0), Map.of(), null);
	}

	/** The transfer form's "Save as lab preset": the editor, filled in with that form. */
	@PostMapping(BASE + "/new")
	String fromTransferForm(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "manifest_file", required = false) MultipartFile upload, Model model) {
		// A form that asked for a schedule makes a schedule template of the same pace.
		String hours = "recurring".equals(params.getFirst("schedule_type"))
				? String.valueOf(params.getFirst("schedule_interval_hours")).strip() : "";
		return editor(model, null,
				new PresetEdit("", "", TransferForm.from(params, upload), 0, "null".equals(hours) ? "" : hours),
				Map.of(), null);
	}

	@PostMapping(BASE)
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return save(null, params, model, redirect, response);
	}

	@GetMapping(BASE + "/{id}")
	String edit(@PathVariable String id, Model model) {
		Preset preset = existing(id);
		return editor(model, preset.id(), PresetEdit.of(preset), Map.of(), null);
	}

	@PostMapping(BASE + "/{id}")
	String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		existing(id);
		return save(id, params, model, redirect, response);
	}

	@GetMapping(BASE + "/{id}/delete")
	String confirmDelete(@PathVariable String id, Model model) {
		model.addAttribute("preset", existing(id));
		return "presets/delete";
	}

	@PostMapping(BASE + "/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		Preset preset = existing(id);
		this.presets.delete(id);
		redirect.addFlashAttribute("notice", "Preset “" + preset.name() + "” was deleted.");
		return "redirect:/presets";
	}

	private String save(String id, MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		PresetEdit edit = new PresetEdit(params.getFirst("name"), params.getFirst("description"),
				TransferForm.from(params), version(params.getFirst("version")),
				params.getFirst("schedule_interval_hours"));
		PresetService.Saved saved = this.presets.save(id, edit);
		if (saved instanceof PresetService.Saved.Done done) {
			redirect.addFlashAttribute("notice", "Preset “" + done.preset().name() + "” was saved.");
			return "redirect:/presets";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		if (saved instanceof PresetService.Saved.Invalid invalid) {
			return editor(model, id, edit, invalid.errors(), null);
		}
		PresetService.Saved.Conflict conflict = (PresetService.Saved.Conflict) saved;
		if (conflict.current().isEmpty()) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return editor(model, null,
					new PresetEdit(edit.name(), edit.description(), edit.form(), 0, edit.scheduleIntervalHours()),
					Map.of(), "Someone deleted this preset while you were editing it. Your version is below: "
							+ "save it to create it again.");
		}
		// Keep the admin's changes and take the newer version, so that saving
		// again is a deliberate overwrite.
		Preset current = conflict.current().get();
		response.setStatus(HttpStatus.CONFLICT.value());
		return editor(model, id,
				new PresetEdit(
						edit.name(), edit.description(), edit.form(), current.version(), edit.scheduleIntervalHours()),
				Map.of(),
				"Someone else (" + current.updatedBy() + ") saved this preset while you were editing it. "
						+ "Your changes are below and nothing of theirs was overwritten; save again to replace "
						+ "their version with yours.");
	}

	private String editor(Model model, String id, PresetEdit edit, Map<String, String> errors, String message) {
		model.addAttribute("presetId", id);
		model.addAttribute("edit", edit);
		model.addAttribute("form", edit.form());
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("labCollections", this.lab.collections());
		model.addAttribute("pickers", this.pickers.forForm(edit.form().sourceCollection(),
				edit.form().destinationCollection(), null, errors.isEmpty()));
		return "presets/edit";
	}

	private Preset existing(String id) {
		return this.presets.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such preset"));
	}

	private static int version(String text) {
		try {
			return (text != null) ? Integer.parseInt(text.strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
