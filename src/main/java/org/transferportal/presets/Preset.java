package org.transferportal.presets;

import java.time.Instant;

import org.transferportal.transfer.TransferForm;

/**
 * A transfer recipe shared with the lab.
 *
 * @param id the preset's id (a UUID)
 * @param name what members see on its button, unique in the lab (ignoring case)
 * @param description what it is for, may be empty
 * @param form the transfer it starts: collections, paths, batch and options
 * @param version bumped by every save, so that concurrent edits are noticed
 * @param createdBy the admin who created it (Globus username)
 * @param updatedBy the admin who saved it last
 * @param updatedAt when it was saved last
 * @param scheduleIntervalHours the hours between runs the admins suggest when they offer
 * it as a schedule template, or {@code null} when it is no template
 */
record Preset(String id, String name, String description, TransferForm form, int version, String createdBy,
		String updatedBy, Instant updatedAt, Integer scheduleIntervalHours) {

	/** A preset that is no schedule template. */
	Preset(String id, String name, String description, TransferForm form, int version, String createdBy,
			String updatedBy, Instant updatedAt) {
		this(id, name, description, form, version, createdBy, updatedBy, updatedAt, null);
	}

	/** Whether the admins offer it as a schedule template. */
	public boolean scheduleTemplate() {
		return this.scheduleIntervalHours != null;
	}

	/**
	 * The local address that opens the preset's transfer as a schedule, from the draft it
	 * was opened in: every so many hours, the template's or nightly.
	 */
	String scheduleQuery() {
		return "?schedule_type=recurring&schedule_interval_hours="
				+ ((this.scheduleIntervalHours != null) ? this.scheduleIntervalHours : 24);
	}

	/** How many lines of the batch name items (blank lines and comments aside). */
	public long batchItems() {
		return this.form.manifest()
			.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.count();
	}

	/**
	 * The form a start submits: the preset's label, or its name when it has none, so that
	 * the task and the lab audit say which preset made it.
	 */
	TransferForm startForm() {
		return this.form.label().isBlank() ? this.form.withLabel(this.name) : this.form;
	}

}
