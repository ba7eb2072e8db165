package org.transferportal.presets;

import org.transferportal.transfer.TransferForm;

/**
 * What an admin typed into the preset editor.
 *
 * @param name the preset's name
 * @param description what it is for
 * @param form the transfer fields
 * @param version the version the admin started editing from ({@code 0} for a new preset)
 * @param scheduleIntervalHours as typed: the hours between runs it suggests as a schedule
 * template, empty when it is none
 */
record PresetEdit(String name, String description, TransferForm form, int version, String scheduleIntervalHours) {

	PresetEdit(String name, String description, TransferForm form, int version) {
		this(name, description, form, version, "");
	}

	static final int MAX_NAME = 80;

	static final int MAX_DESCRIPTION = 500;

	static PresetEdit of(Preset preset) {
		return new PresetEdit(preset.name(), preset.description(), preset.form(), preset.version(),
				(preset.scheduleIntervalHours() != null) ? preset.scheduleIntervalHours().toString() : "");
	}

	/** The name as saved: trimmed, inner runs of white space made one space. */
	String cleanName() {
		return (this.name != null) ? this.name.strip().replaceAll("\\s+", " ") : "";
	}

	/** The template's hours as saved, or {@code null}: call once they are known valid. */
	Integer cleanScheduleIntervalHours() {
		String hours = (this.scheduleIntervalHours != null) ? this.scheduleIntervalHours.strip() : "";
		return hours.isEmpty() ? null : Integer.valueOf(hours);
	}

	String cleanDescription() {
		return (this.description != null) ? this.description.strip() : "";
	}

}
