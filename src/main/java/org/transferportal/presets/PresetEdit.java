package org.transferportal.presets;

import org.transferportal.transfer.TransferForm;

/**
 * What an admin typed into the preset editor.
 *
 * @param name the preset's name
 * @param description what it is for
 * @param form the transfer fields
 * @param version the version the admin started editing from ({@code 0} for a new preset)
 */
record PresetEdit(String name, String description, TransferForm form, int version) {

	static final int MAX_NAME = 80;

	static final int MAX_DESCRIPTION = 500;

	static PresetEdit of(Preset preset) {
		return new PresetEdit(preset.name(), preset.description(), preset.form(), preset.version());
	}

	/** The name as saved: trimmed, inner runs of white space made one space. */
	String cleanName() {
		return (this.name != null) ? this.name.strip().replaceAll("\\s+", " ") : "";
	}

	String cleanDescription() {
		return (this.description != null) ? this.description.strip() : "";
	}

}
