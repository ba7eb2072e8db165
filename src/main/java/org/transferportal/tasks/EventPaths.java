package org.transferportal.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * The paths an error event names. Transfer puts them in the event's {@code details}, one
 * {@code File: <path>} line each (task_events documentation), after the operation and the
 * server; the rest of the text is the storage's answer.
 */
final class EventPaths {

	private static final String FILE = "File: ";

	private EventPaths() {
	}

	/** The absolute paths named, in order, or none. */
	static List<String> of(String details) {
		if (details == null || details.isEmpty()) {
			return List.of();
		}
		List<String> paths = new ArrayList<>();
		for (String line : details.split("\r\n|\r|\n")) {
			if (line.startsWith(FILE)) {
				String path = line.substring(FILE.length()).strip();
				if (path.startsWith("/") && !paths.contains(path)) {
					paths.add(path);
				}
			}
		}
		return paths;
	}

}
