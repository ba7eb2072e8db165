package org.transferportal.tasks;

import java.util.Map;

/**
 * One thing to do next with a task: a button on the task page whose form posts to a local
 * path of the feature that offers it (with the page's CSRF token).
 *
 * @param id the button's id
 * @param label the button's text
 * @param path the local path the form posts to
 * @param hint one sentence on what the button does
 * @param fields hidden fields the form carries, in order
 * @param option a checkbox shown with the button, or {@code null}
 */
public record TaskAction(String id, String label, String path, String hint, Map<String, String> fields, Option option) {

	public TaskAction {
		fields = (fields != null) ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields))
				: Map.of();
	}

	/**
	 * A checkbox sent with the action when ticked.
	 *
	 * @param name its field name (sent as {@code 1} when ticked)
	 * @param label what it says
	 */
	public record Option(String name, String label) {
	}

}
