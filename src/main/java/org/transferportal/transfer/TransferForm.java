package org.transferportal.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the user typed into the transfer form, or a deep link prefilled, as text: kept
 * exactly so that the form can be shown again with it.
 *
 * <p>
 * Field names on the wire follow the contract ({@code source_collection},
 * {@code source_path}, {@code destination_collection}, {@code destination_path},
 * {@code label}); the Globus web app's {@code origin_id}, {@code origin_path} and
 * {@code destination_id} are accepted too.
 */
public record TransferForm(String sourceCollection, String sourcePath, String destinationCollection,
		String destinationPath, String label, String manifest, String syncLevel, boolean verifyChecksum,
		boolean preserveTimestamp, boolean encryptData, boolean deleteDestinationExtra, boolean skipSourceErrors,
		boolean failOnQuotaErrors, String deadline, boolean notifyOnSucceeded, boolean notifyOnFailed,
		boolean notifyOnInactive, String filterRules, String sourceLocalUser, String destinationLocalUser) {

	/** Marks a post of the portal's own form, where an absent checkbox means "off". */
	static final String FORM_MARKER = "form";

	/** The largest batch file the form takes. */
	static final long MAX_MANIFEST_BYTES = 1024 * 1024;

	/** The longest pasted batch (in characters), as large as a batch file may be. */
	static final int MAX_MANIFEST_CHARS = 1024 * 1024;

	/** The longest filter rules text: hundreds of rules. */
	static final int MAX_FILTER_RULES_CHARS = 10_000;

	/**
	 * The longest any other field may be; the rules for each field are stricter (a path
	 * is at most 4,096 characters), this only bounds what a draft stores.
	 */
	static final int MAX_FIELD_CHARS = 8_192;

	/** Globus web app parameter names, mapped to the contract's. */
	private static final Map<String, String> ALIASES = Map.of("source_collection", "origin_id", "source_path",
			"origin_path", "destination_collection", "destination_id");

	/**
	 * An empty form with Globus's defaults: verify checksums, notify on every outcome.
	 */
	public static TransferForm empty() {
		return new TransferForm("", "", "", "", "", "", "", true, false, false, false, false, false, "", true, true,
				true, "", "", "");
	}

	/**
	 * Reads the form from request parameters: a deep link (defaults for anything absent)
	 * or a post of the form itself (absent checkboxes are off).
	 */
	public static TransferForm from(MultiValueMap<String, String> params) {
		boolean posted = params.containsKey(FORM_MARKER);
		return new TransferForm(text(params, "source_collection"), text(params, "source_path"),
				text(params, "destination_collection"), text(params, "destination_path"), text(params, "label"),
				text(params, "manifest"), text(params, "sync_level"), flag(params, "verify_checksum", posted, true),
				flag(params, "preserve_timestamp", posted, false), flag(params, "encrypt_data", posted, false),
				flag(params, "delete_destination_extra", posted, false),
				flag(params, "skip_source_errors", posted, false), flag(params, "fail_on_quota_errors", posted, false),
				text(params, "deadline"), flag(params, "notify_on_succeeded", posted, true),
				flag(params, "notify_on_failed", posted, true), flag(params, "notify_on_inactive", posted, true),
				text(params, "filter_rules"), text(params, "source_local_user"),
				text(params, "destination_local_user"));
	}

	/**
	 * The fields too long to keep, by field name: such a form is refused before it is
	 * stored anywhere, with a message next to the field.
	 */
	Map<String, String> oversized() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.manifest.length() > MAX_MANIFEST_CHARS) {
			errors.put("manifest", "A batch can be at most 1 MB; split it into several transfers");
		}
		if (this.filterRules.length() > MAX_FILTER_RULES_CHARS) {
			errors.put("filter_rules",
					"Filter rules can be at most " + MAX_FILTER_RULES_CHARS + " characters; use fewer, broader rules");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("source_collection", this.sourceCollection);
		fields.put("source_path", this.sourcePath);
		fields.put("destination_collection", this.destinationCollection);
		fields.put("destination_path", this.destinationPath);
		fields.put("label", this.label);
		fields.put("sync_level", this.syncLevel);
		fields.put("deadline", this.deadline);
		fields.put("source_local_user", this.sourceLocalUser);
		fields.put("destination_local_user", this.destinationLocalUser);
		fields.forEach((name, value) -> {
			if (value.length() > MAX_FIELD_CHARS) {
				errors.put(name, "This field can be at most " + MAX_FIELD_CHARS + " characters");
			}
		});
		return errors;
	}

	/** The same form with another batch text. */
	TransferForm withManifest(String text) {
		return new TransferForm(this.sourceCollection, this.sourcePath, this.destinationCollection,
				this.destinationPath, this.label, text, this.syncLevel, this.verifyChecksum, this.preserveTimestamp,
				this.encryptData, this.deleteDestinationExtra, this.skipSourceErrors, this.failOnQuotaErrors,
				this.deadline, this.notifyOnSucceeded, this.notifyOnFailed, this.notifyOnInactive, this.filterRules,
				this.sourceLocalUser, this.destinationLocalUser);
	}

	/**
	 * The same form with one side's collection, path and the batch changed (the file
	 * manager's choice for the form, or a pasted collection id).
	 * @param source the source side, else the destination
	 */
	TransferForm withSide(boolean source, String collection, String path, String manifest) {
		return new TransferForm(source ? collection : this.sourceCollection, source ? path : this.sourcePath,
				source ? this.destinationCollection : collection, source ? this.destinationPath : path, this.label,
				manifest, this.syncLevel, this.verifyChecksum, this.preserveTimestamp, this.encryptData,
				this.deleteDestinationExtra, this.skipSourceErrors, this.failOnQuotaErrors, this.deadline,
				this.notifyOnSucceeded, this.notifyOnFailed, this.notifyOnInactive, this.filterRules,
				this.sourceLocalUser, this.destinationLocalUser);
	}

	/** The same form with another label. */
	public TransferForm withLabel(String text) {
		return new TransferForm(this.sourceCollection, this.sourcePath, this.destinationCollection,
				this.destinationPath, text, this.manifest, this.syncLevel, this.verifyChecksum, this.preserveTimestamp,
				this.encryptData, this.deleteDestinationExtra, this.skipSourceErrors, this.failOnQuotaErrors,
				this.deadline, this.notifyOnSucceeded, this.notifyOnFailed, this.notifyOnInactive, this.filterRules,
				this.sourceLocalUser, this.destinationLocalUser);
	}

	/**
	 * The same form without its deadline: a recorded deadline has passed by the time the
	 * transfer is run again.
	 */
	TransferForm withoutDeadline() {
		return new TransferForm(this.sourceCollection, this.sourcePath, this.destinationCollection,
				this.destinationPath, this.label, this.manifest, this.syncLevel, this.verifyChecksum,
				this.preserveTimestamp, this.encryptData, this.deleteDestinationExtra, this.skipSourceErrors,
				this.failOnQuotaErrors, "", this.notifyOnSucceeded, this.notifyOnFailed, this.notifyOnInactive,
				this.filterRules, this.sourceLocalUser, this.destinationLocalUser);
	}

	/**
	 * The same form copying only what is missing or newer on the source (sync level 2,
	 * {@code mtime}, as the form's list names it), unless it already had a sync level of
	 * its own.
	 */
	TransferForm onlyChanged() {
		if (!this.syncLevel.isBlank()) {
			return this;
		}
		return new TransferForm(this.sourceCollection, this.sourcePath, this.destinationCollection,
				this.destinationPath, this.label, this.manifest, "2", this.verifyChecksum, this.preserveTimestamp,
				this.encryptData, this.deleteDestinationExtra, this.skipSourceErrors, this.failOnQuotaErrors,
				this.deadline, this.notifyOnSucceeded, this.notifyOnFailed, this.notifyOnInactive, this.filterRules,
				this.sourceLocalUser, this.destinationLocalUser);
	}

	/**
	 * The form of a retry: the same options with another batch and label, without a
	 * deadline (it has passed) and without deleting extra destination files (a retry
	 * names some paths of the transfer, not the whole of a folder's contents); filter
	 * rules only if some item may be a folder.
	 */
	TransferForm retrying(String batch, String retryLabel, boolean keepFilterRules) {
		return new TransferForm(this.sourceCollection, this.sourcePath, this.destinationCollection,
				this.destinationPath, retryLabel, batch, this.syncLevel, this.verifyChecksum, this.preserveTimestamp,
				this.encryptData, false, this.skipSourceErrors, this.failOnQuotaErrors, "", this.notifyOnSucceeded,
				this.notifyOnFailed, this.notifyOnInactive, keepFilterRules ? this.filterRules : "",
				this.sourceLocalUser, this.destinationLocalUser);
	}

	/**
	 * The form as its own page posts it (with the marker that makes an absent checkbox
	 * "off"), for a button elsewhere that hands it to a page taking the form's fields
	 * (the preset editor).
	 */
	public Map<String, String> fields() {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put(FORM_MARKER, "1");
		fields.put("source_collection", this.sourceCollection);
		fields.put("source_path", this.sourcePath);
		fields.put("destination_collection", this.destinationCollection);
		fields.put("destination_path", this.destinationPath);
		fields.put("label", this.label);
		fields.put("manifest", this.manifest);
		fields.put("sync_level", this.syncLevel);
		checked(fields, "verify_checksum", this.verifyChecksum);
		checked(fields, "preserve_timestamp", this.preserveTimestamp);
		checked(fields, "encrypt_data", this.encryptData);
		checked(fields, "delete_destination_extra", this.deleteDestinationExtra);
		checked(fields, "skip_source_errors", this.skipSourceErrors);
		checked(fields, "fail_on_quota_errors", this.failOnQuotaErrors);
		fields.put("deadline", this.deadline);
		checked(fields, "notify_on_succeeded", this.notifyOnSucceeded);
		checked(fields, "notify_on_failed", this.notifyOnFailed);
		checked(fields, "notify_on_inactive", this.notifyOnInactive);
		fields.put("filter_rules", this.filterRules);
		fields.put("source_local_user", this.sourceLocalUser);
		fields.put("destination_local_user", this.destinationLocalUser);
		return fields;
	}

	private static void checked(Map<String, String> fields, String name, boolean on) {
		if (on) {
			fields.put(name, "on");
		}
	}

	private static String text(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		if ((value == null || value.isEmpty()) && ALIASES.containsKey(name)) {
			value = params.getFirst(ALIASES.get(name));
		}
		return (value != null) ? value : "";
	}

	private static boolean flag(MultiValueMap<String, String> params, String name, boolean posted,
			boolean defaultValue) {
		List<String> values = params.get(name);
		if (values == null || values.isEmpty()) {
			return posted ? false : defaultValue;
		}
		String value = values.get(values.size() - 1);
		return !("false".equalsIgnoreCase(value) || "0".equals(value) || "off".equalsIgnoreCase(value)
				|| "no".equalsIgnoreCase(value));
	}

	/**
	 * Reads a posted form with the batch file it may carry: the file replaces the pasted
	 * batch and is kept as text in the form, so that it survives a consent trip and is
	 * shown again with any line errors. A file over {@link #MAX_MANIFEST_BYTES} is left
	 * out (the form says so).
	 */
	public static TransferForm from(MultiValueMap<String, String> params, MultipartFile file) {
		TransferForm form = from(params);
		if (file == null || file.isEmpty() || file.getSize() > MAX_MANIFEST_BYTES) {
			return form;
		}
		try {
			return form.withManifest(new String(file.getBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded batch file", ex);
		}
	}

}
