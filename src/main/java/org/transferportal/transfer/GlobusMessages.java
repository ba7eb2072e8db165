package org.transferportal.transfer;

import org.transferportal.globus.GlobusApiException;

/**
 * Plain words for what Globus said when it refused a submission.
 */
final class GlobusMessages {

	private GlobusMessages() {
	}

	static String forSubmission(GlobusApiException ex) {
		if (ex.status() == 0 || ex.status() >= 500 && !ex.isStorageError()) {
			return "Globus could not be reached or had a problem. Nothing was lost: submit again and the transfer "
					+ "will be created at most once.";
		}
		if (ex.hasCode("EndpointNotFound")) {
			return "Globus does not know one of the collections: " + ex.getMessage();
		}
		if (ex.hasCode("PermissionDenied") || ex.hasCode("EndpointPermissionDenied")) {
			return "Globus refused: you lack permission on a collection or path. " + ex.getMessage();
		}
		if (ex.status() == 429) {
			return "Globus is receiving too many requests. Wait a minute and submit again.";
		}
		return "Globus refused the transfer: " + ex.getMessage();
	}

}
