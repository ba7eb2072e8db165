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

	/** A file that was transferred, or skipped with the given error. */
	public record Entry(String sourcePath, String destinationPath, String errorCode, String errorDetails) {
	}

}
