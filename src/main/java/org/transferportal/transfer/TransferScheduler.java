package org.transferportal.transfer;

import java.util.Map;

import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.TransferDocument;

/**
 * Makes a transfer the form asked to run later into a schedule at Globus Timers. The
 * schedules feature, on a floor above this one, provides it; the form hands a checked
 * transfer over and learns where the user goes next.
 */
public interface TransferScheduler {

	/**
	 * Creates the schedule of a draft, at most once however often it is asked (a double
	 * click, a second return from Globus Auth, another instance).
	 */
	Result schedule(Request request);

	/**
	 * A checked transfer to schedule.
	 *
	 * @param draftId the draft (one per form): the schedule's key
	 * @param document the transfer each run submits
	 * @param schedule when it runs
	 * @param afterConsentTrip whether the user has just been to Globus Auth for this
	 * draft: when Globus Auth cannot list consents now, trust that trip
	 */
	record Request(String draftId, TransferDocument document, Schedule schedule, boolean afterConsentTrip) {
	}

	/** What became of it. */
	sealed interface Result {

		/** Timers has the schedule (now or before), under this id. */
		record Created(String scheduleId) implements Result {
		}

		/** The user must go through Globus Auth first, for this. */
		record NeedsConsent(AuthorizationParameters parameters) implements Result {
		}

		/** The transfer cannot be scheduled as it is: problems by form field. */
		record Invalid(Map<String, String> errors) implements Result {
		}

		/** Globus refused or did not answer; nothing was created. */
		record Failed(String message, String requestId) implements Result {
		}

	}

}
