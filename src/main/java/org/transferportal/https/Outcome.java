package org.transferportal.https;

import org.transferportal.globus.Collection;

/**
 * What a download, preview or upload came to, when it was not simply done: a page to show
 * instead.
 */
sealed interface Outcome {

	/** Done: the answer was sent. */
	record Done() implements Outcome {
	}

	/**
	 * Globus must be asked first: a page with the button that starts the trip.
	 *
	 * @param reason why (for the trip)
	 * @param message what to tell the user
	 */
	record Consent(Collection collection, FileRef file, HttpsAccess.Reason reason, String message) implements Outcome {
	}

	/**
	 * It did not work: a page that says why, offering a transfer when that can do it.
	 *
	 * @param status the page's HTTP status
	 * @param transferInstead whether to offer a Globus transfer of the file or folder
	 */
	record Problem(int status, String message, Collection collection, FileRef file,
			boolean transferInstead) implements Outcome {
	}

	/** The outcome of an access that could not go ahead. */
	static Outcome of(HttpsAccess.Result result, FileRef file) {
		if (result instanceof HttpsAccess.Result.NeedsConsent needs) {
			return new Consent(needs.collection(), file, HttpsAccess.Reason.MISSING,
					"Globus needs your consent before the portal can reach the files of \u201c"
							+ needs.collection().name() + "\u201d over HTTPS.");
		}
		HttpsAccess.Result.Refused refused = (HttpsAccess.Result.Refused) result;
		return new Problem(refused.status(), refused.message(), refused.collection(), file, true);
	}

}
