package org.transferportal.transfer;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * The local addresses a transfer leads to: its task page, its schedule, or its draft's
 * form.
 */
final class TransferPaths {

	private TransferPaths() {
	}

	static String task(String taskId) {
		return "/tasks/" + UriUtils.encodePathSegment(taskId, StandardCharsets.UTF_8);
	}

	/** A schedule's page (the schedules feature's, reached by its address). */
	static String schedule(String scheduleId) {
		return "/schedules/" + UriUtils.encodePathSegment(scheduleId, StandardCharsets.UTF_8);
	}

	static String draft(String draftId) {
		return "/transfer/drafts/" + UriUtils.encodePathSegment(draftId, StandardCharsets.UTF_8);
	}

}
