package org.transferportal.globus;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a marker-paged file list of a task: its successful transfers or its skipped
 * errors. {@code nextMarker} is {@code null} on the last page.
 */
public record TransferredFiles(@JsonProperty("DATA") List<Entry> data, Long marker, Long nextMarker) {

	public TransferredFiles {
		data = (data != null) ? data : List.of();
	}

	/**
	 * A file that was transferred, or a path skipped with the given error;
	 * {@code directory} is {@code true} for a skipped folder ({@code is_directory}, only
	 * in skipped errors).
	 */
	public record Entry(String sourcePath, String destinationPath, String errorCode, String errorDetails,
			@JsonProperty("is_directory") Boolean directory) {

		/** A transferred file. */
		public static Entry file(String sourcePath, String destinationPath) {
			return new Entry(sourcePath, destinationPath, null, null, null);
		}

	}

}
