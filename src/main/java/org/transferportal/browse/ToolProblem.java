package org.transferportal.browse;

import java.io.Serializable;

/**
 * Why a pane's tool (new folder, rename, bookmark) did nothing, shown next to its form
 * after the redirect, with what the user typed kept. Serializable: flash attributes
 * travel in the session, which the database keeps.
 *
 * @param pane {@code a} or {@code b}
 * @param tool {@link #MKDIR}, {@link #RENAME} or {@link #BOOKMARK}
 * @param message the problem
 * @param typed what the user typed, to show again
 * @param requestId Globus's request id when Globus refused, else {@code null}
 */
record ToolProblem(String pane, String tool, String message, String typed, String requestId) implements Serializable {

	static final String MKDIR = "mkdir";

	static final String RENAME = "rename";

	static final String BOOKMARK = "bookmark";

	/** Whether this problem belongs to the tool of that pane. */
	public boolean is(String pane, String tool) {
		return this.pane.equals(pane) && this.tool.equals(tool);
	}

}
