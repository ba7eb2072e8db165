package org.transferportal.globus;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A folder listing ({@code DATA_TYPE: file_list}); {@code path} is the path Globus
 * resolved.
 */
public record FileList(String endpoint, String path, String absolutePath, Integer length, Integer total,
		Boolean renameSupported, @JsonProperty("DATA") List<FileEntry> data) {

	public FileList {
		data = (data != null) ? data : List.of();
	}

}
