package org.transferportal.tasks;

import java.util.Locale;

import org.transferportal.globus.Task;

/**
 * What Globus says about a task beyond its status word, in plain words: a running task
 * that meets errors, waits in the queue, is paused or suspended, or was cancelled by a
 * collection's administrator.
 *
 * @param text the sentence to show
 * @param problem whether something is wrong (shown as an error rather than a notice)
 */
record StatusNote(String text, boolean problem) {

	/** The note for a task, or {@code null} when there is nothing to say. */
	static StatusNote of(Task task) {
		String status = (task.status() != null) ? task.status() : "";
		if (task.canceledByAdmin() != null && !task.canceledByAdmin().isBlank()) {
			return new StatusNote(cancelledByAdmin(task), true);
		}
		if ("INACTIVE".equals(status)) {
			return new StatusNote("Globus has suspended this transfer until someone acts on it"
					+ explanation(task, "for example, the credentials it runs with have expired") + ".", true);
		}
		if (!"ACTIVE".equals(status)) {
			return null;
		}
		if (Boolean.FALSE.equals(task.ok())) {
			String word = (task.niceStatus() != null && !task.niceStatus().isBlank()) ? task.niceStatus() : "an error";
			return new StatusNote("Globus is still retrying: " + word + details(task) + giveUp(task), true);
		}
		if (Boolean.TRUE.equals(task.isPaused())) {
			return new StatusNote("An administrator of one of the collections has paused this transfer" + details(task)
					+ "; it goes on when they resume it.", false);
		}
		if ("Queued".equalsIgnoreCase(task.niceStatus())) {
			return new StatusNote(
					"Waiting its turn: Globus runs up to three of your transfers at a time" + details(task) + ".",
					false);
		}
		return null;
	}

	private static String cancelledByAdmin(Task task) {
		String whose = switch (task.canceledByAdmin().toUpperCase(Locale.ROOT)) {
			case "SOURCE" -> "the source collection";
			case "DESTINATION" -> "the destination collection";
			case "BOTH" -> "the source and destination collections";
			default -> "a collection";
		};
		String message = task.canceledByAdminMessage();
		return "An administrator of " + whose + " cancelled this transfer"
				+ ((message != null && !message.isBlank()) ? ": \u201c" + message.strip() + "\u201d" : ".");
	}

	private static String details(Task task) {
		String details = task.niceStatusDetails();
		return (details != null && !details.isBlank()) ? " (" + details.strip() + ")" : "";
	}

	private static String explanation(Task task, String fallback) {
		String details = task.niceStatusDetails();
		if (details != null && !details.isBlank()) {
			return ": " + details.strip();
		}
		String word = task.niceStatus();
		return (word != null && !word.isBlank() && !"OK".equals(word)) ? ": " + word : " (" + fallback + ")";
	}

	private static String giveUp(Task task) {
		Long seconds = task.niceStatusExpiresIn();
		if (seconds == null || seconds <= 0) {
			return ".";
		}
		return ". Unless the problem is fixed, it gives up in about " + duration(seconds) + ".";
	}

	/** A duration in the largest sensible units, e.g. {@code 2 h 5 min}. */
	static String duration(long seconds) {
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min";
		}
		if (seconds < 86_400) {
			return (seconds / 3600) + " h" + ((seconds % 3600 >= 60) ? " " + (seconds % 3600) / 60 + " min" : "");
		}
		return (seconds / 86_400) + " d" + ((seconds % 86_400 >= 3600) ? " " + (seconds % 86_400) / 3600 + " h" : "");
	}

}
