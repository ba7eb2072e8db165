package org.transferportal.globus;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a transfer submission (Globus's TransferData). Unset options are left out
 * so that Globus applies its own defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferDocument(String submissionId, String sourceEndpoint, String destinationEndpoint, String label,
		Integer syncLevel, Boolean verifyChecksum, Boolean preserveTimestamp, Boolean encryptData, String deadline,
		Boolean skipSourceErrors, Boolean failOnQuotaErrors, Boolean deleteDestinationExtra, Boolean notifyOnSucceeded,
		Boolean notifyOnFailed, Boolean notifyOnInactive, String sourceLocalUser, String destinationLocalUser,
		List<FilterRule> filterRules, @JsonProperty("DATA") List<Item> data) {

	@JsonProperty("DATA_TYPE")
	public String dataType() {
		return "transfer";
	}

	/** The same document with the given submission id. */
	public TransferDocument withSubmissionId(String id) {
		return new TransferDocument(id, this.sourceEndpoint, this.destinationEndpoint, this.label, this.syncLevel,
				this.verifyChecksum, this.preserveTimestamp, this.encryptData, this.deadline, this.skipSourceErrors,
				this.failOnQuotaErrors, this.deleteDestinationExtra, this.notifyOnSucceeded, this.notifyOnFailed,
				this.notifyOnInactive, this.sourceLocalUser, this.destinationLocalUser, this.filterRules, this.data);
	}

	/** The same document with another label. */
	public TransferDocument withLabel(String text) {
		return new TransferDocument(this.submissionId, this.sourceEndpoint, this.destinationEndpoint, text,
				this.syncLevel, this.verifyChecksum, this.preserveTimestamp, this.encryptData, this.deadline,
				this.skipSourceErrors, this.failOnQuotaErrors, this.deleteDestinationExtra, this.notifyOnSucceeded,
				this.notifyOnFailed, this.notifyOnInactive, this.sourceLocalUser, this.destinationLocalUser,
				this.filterRules, this.data);
	}

	/**
	 * One thing to copy ({@code transfer_item}). {@code recursive} is {@code true} for a
	 * folder, {@code false} for a file, and {@code null} (left out of the JSON) when the
	 * user did not say: Transfer then finds out which it is, as for the CLI and SDK.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Item(String sourcePath, String destinationPath, Boolean recursive, String externalChecksum,
			String checksumAlgorithm) {

		@JsonProperty("DATA_TYPE")
		public String dataType() {
			return "transfer_item";
		}

		public static Item of(String sourcePath, String destinationPath, Boolean recursive) {
			return new Item(sourcePath, destinationPath, recursive, null, null);
		}

	}

	/**
	 * An include or exclude rule; the first that matches wins. A rule without type
	 * matches files and folders.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FilterRule(String method, String name, String type) {

		@JsonProperty("DATA_TYPE")
		public String dataType() {
			return "filter_rule";
		}

	}

}
