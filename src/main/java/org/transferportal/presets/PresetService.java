package org.transferportal.presets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.CanonicalUuid;
import org.transferportal.support.Text;
import org.transferportal.transfer.PreparedTransfers;

/**
 * Keeps the lab's presets valid: a preset is saved only if it would make a valid
 * transfer, so that a member's click never starts from a broken recipe.
 */
@Service
class PresetService {

	/** What became of an admin's save. */
	sealed interface Saved {

		record Done(Preset preset) implements Saved {
		}

		/** Field errors; nothing was saved. */
		record Invalid(Map<String, String> errors) implements Saved {
		}

		/** Someone else saved or deleted the preset since the admin opened it. */
		record Conflict(Optional<Preset> current) implements Saved {
		}

	}

	private final PresetStore store;

	private final PreparedTransfers transfers;

	private final CurrentUser user;

	PresetService(PresetStore store, PreparedTransfers transfers, CurrentUser user) {
		this.store = store;
		this.transfers = transfers;
		this.user = user;
	}

	List<Preset> all() {
		return this.store.all();
	}

	/** The preset with this id; ids that are not UUIDs find nothing. */
	Optional<Preset> find(String id) {
		return isId(id) ? this.store.find(id) : Optional.empty();
	}

	/** Saves a new preset ({@code id == null}) or an edit of one. */
	Saved save(String id, PresetEdit edit) {
		Map<String, String> errors = check(edit);
		if (!errors.isEmpty()) {
			return new Saved.Invalid(errors);
		}
		try {
			if (id == null) {
				return new Saved.Done(this.store.create(edit.cleanName(), edit.cleanDescription(), edit.form(),
						this.user.username(), edit.cleanScheduleIntervalHours()));
			}
			if (!this.store.update(id, edit.version(), edit.cleanName(), edit.cleanDescription(), edit.form(),
					this.user.username(), edit.cleanScheduleIntervalHours())) {
				return new Saved.Conflict(find(id));
			}
			return new Saved.Done(this.store.find(id).orElseThrow());
		}
		catch (DuplicateKeyException ex) {
			return new Saved.Invalid(Map.of("name", "The lab already has a preset with this name"));
		}
	}

	boolean delete(String id) {
		return isId(id) && this.store.delete(id);
	}

	/**
	 * Starts the preset's transfer now (a preset that deletes files needs the deletion
	 * confirmed); the local path the browser goes to next.
	 */
	String start(Preset preset, UUID startKey, String deletionConfirmation) {
		return this.transfers.start(preset.startForm(), startKey, deletionConfirmation);
	}

	/**
	 * Opens the preset's transfer in the form with a schedule proposed (the template's
	 * interval, or nightly), to adjust and schedule; nothing is created until the form is
	 * submitted.
	 */
	String schedule(Preset preset) {
		return this.transfers.review(preset.startForm(), UUID.randomUUID()) + preset.scheduleQuery();
	}

	/** Opens the preset's transfer in the form, to adjust before submitting. */
	String review(Preset preset, UUID key) {
		return this.transfers.review(preset.startForm(), key);
	}

	/** Preset ids are canonical UUIDs; anything else in a URL finds nothing. */
	private static boolean isId(String id) {
		return CanonicalUuid.parse(id) != null;
	}

	private Map<String, String> check(PresetEdit edit) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = edit.cleanName();
		if (name.isEmpty()) {
			errors.put("name", "Give the preset a name");
		}
		else if (name.length() > PresetEdit.MAX_NAME) {
			errors.put("name", "A name can have at most " + PresetEdit.MAX_NAME + " characters");
		}
		else if (Text.hasControlCharacter(name)) {
			errors.put("name", "A name cannot contain control characters");
		}
		String description = edit.cleanDescription();
		if (description.length() > PresetEdit.MAX_DESCRIPTION) {
			errors.put("description", "A description can have at most " + PresetEdit.MAX_DESCRIPTION + " characters");
		}
		else if (Text.hasControlCharacterBesidesLineBreaks(description)) {
			errors.put("description", "A description cannot contain control characters");
		}
		String hours = (edit.scheduleIntervalHours() != null) ? edit.scheduleIntervalHours().strip() : "";
		if (!hours.isEmpty()
				&& (!hours.matches("\\d{1,4}") || Integer.parseInt(hours) < 1 || Integer.parseInt(hours) > 8760)) {
			errors.put("schedule_interval_hours", "Give a whole number of hours from 1 to 8760, or leave it empty");
		}
		errors.putAll(this.transfers.check(edit.form()));
		return errors;
	}

}
