package org.transferportal.globus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A bookmark kept by Transfer and shared with the Globus web app.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Bookmark(String id, String name, String endpointId, String path, Boolean pinned) {
}
