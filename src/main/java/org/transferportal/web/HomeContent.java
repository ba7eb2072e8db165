package org.transferportal.web;

import java.time.Instant;
import java.util.List;

/**
 * What features above this one add to the home page: the user's recent transfers (from
 * the portal's records) and the lab's presets. Each is optional; the page shows what is
 * there.
 */
public final class HomeContent {

	private HomeContent() {
	}

	/** The logged-in user's most recent transfers through the portal. */
	public interface RecentTransfers {

		/** The user's newest submitted transfers, newest first. */
		List<RecentTransfer> recent(String subject, int limit);

	}

	/** The lab's presets, to start from the home page. */
	public interface Presets {

		List<PresetLink> presets();

	}

	/**
	 * A transfer the user submitted.
	 *
	 * @param taskId Globus's task id
	 * @param label its label, or empty
	 * @param sourceId the source collection's id
	 * @param sourceName its name, or {@code null} when not known
	 * @param destinationId the destination collection's id
	 * @param destinationName its name, or {@code null} when not known
	 * @param submittedAt when Globus accepted it
	 * @param status the task's status as last seen, or {@code null}
	 */
	public record RecentTransfer(String taskId, String label, String sourceId, String sourceName, String destinationId,
			String destinationName, Instant submittedAt, String status) {
	}

	/**
	 * A lab preset.
	 *
	 * @param id its id
	 * @param name its name
	 * @param description what it is for, or empty
	 * @param sourceId the source collection's id
	 * @param sourceName its name, or {@code null} when not known
	 * @param destinationId the destination collection's id
	 * @param destinationName its name, or {@code null} when not known
	 */
	public record PresetLink(String id, String name, String description, String sourceId, String sourceName,
			String destinationId, String destinationName) {
	}

}
