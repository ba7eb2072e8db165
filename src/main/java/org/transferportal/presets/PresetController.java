package org.transferportal.presets;

import java.util.List;
import java.util.UUID;

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
import org.transferportal.collections.CollectionNames;
import org.transferportal.lab.LabProperties;
import org.transferportal.transfer.DeletionConfirmation;
import org.transferportal.transfer.TransferForm;
import org.transferportal.transfer.TransferOptions;

/**
 * The lab's presets for members: start one in a click, or open it in the form first.
 */
@Controller
class PresetController {

	/**
	 * A preset as offered on the page, with the key that makes its start button
	 * idempotent (a fresh one each time the page is shown), its options that differ from
	 * the defaults, in words, and what confirms the deletion it does, if it deletes.
	 */
	record Offer(Preset preset, UUID startKey, List<String> options, String deletionToken) {

		static Offer of(Preset preset) {
			TransferForm form = preset.startForm();
			return new Offer(preset, UUID.randomUUID(), TransferOptions.nonDefault(form),
					form.deleteDestinationExtra() ? DeletionConfirmation.token(form) : null);
		}

	}

	private final PresetService presets;

	private final CollectionNames names;

	PresetController(PresetService presets, CollectionNames names) {
		this.presets = presets;
		this.names = names;
	}

	@GetMapping("/presets")
	String list(Model model) {
		List<Offer> offers = this.presets.all().stream().map(Offer::of).toList();
		model.addAttribute("offers", offers);
		model.addAttribute("collectionNames",
				this.names.of(offers.stream()
					.flatMap((o) -> java.util.stream.Stream.of(o.preset().form().sourceCollection(),
							o.preset().form().destinationCollection()))
					.toList()));
		return "presets/list";
	}

	@PostMapping("/presets/{id}/start")
	String start(@PathVariable String id, @RequestParam(name = "start", required = false) String startKey,
			@RequestParam(name = DeletionConfirmation.FIELD, required = false) String deletionConfirmation,
			RedirectAttributes redirect) {
		Preset preset = this.presets.find(id).orElse(null);
		UUID key = CanonicalUuid.parse(startKey);
		if (preset == null || key == null) {
			redirect.addFlashAttribute("error",
					(preset == null)
							? "That preset no longer exists; an admin may have removed it. Nothing was submitted."
							: "The page was out of date, so nothing was submitted. Press Start again.");
			return "redirect:/presets";
		}
		return "redirect:" + this.presets.start(preset, key, deletionConfirmation);
	}

	/** "Schedule…": the preset's transfer in the form, with a schedule proposed. */
	@PostMapping("/presets/{id}/schedule")
	String schedule(@PathVariable String id) {
		Preset preset = this.presets.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such preset"));
		return "redirect:" + this.presets.schedule(preset);
	}

	/**
	 * Opens the preset in the transfer form. A post, since it opens a draft; the page's
	 * key makes a double click open one.
	 */
	@PostMapping("/presets/{id}/review")
	String review(@PathVariable String id, @RequestParam(name = "start", required = false) String startKey) {
		Preset preset = this.presets.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such preset"));
		UUID key = CanonicalUuid.parse(startKey);
		return "redirect:" + this.presets.review(preset, (key != null) ? key : UUID.randomUUID());
	}

}
