package org.transferportal.globus;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a delete submission.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteDocument(String submissionId, String endpoint, String label, String deadline, String localUser,
		Boolean recursive, Boolean ignoreMissing, Boolean interpretGlobs, Boolean notifyOnSucceeded,
		Boolean notifyOnFailed, Boolean notifyOnInactive, @JsonProperty("DATA") List<Item> data) {

	@JsonProperty("DATA_TYPE")
	public String dataType() {
		return "delete";
	}

	/** One path to delete ({@code delete_item}). */
	public record Item(String path) {

		@JsonProperty("DATA_TYPE")
		public String dataType() {
			return "delete_item";
		}

	}

}
