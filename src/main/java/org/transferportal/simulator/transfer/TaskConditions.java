package org.transferportal.simulator.transfer;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.TokenStore;

/**
 * What holds a task back without failing it: credentials that lapsed (a revoked consent,
 * expired credentials), which make it INACTIVE, and an administrator's pause rule on one
 * of its collections.
 */
final class TaskConditions {

	private final TokenStore tokens;

	private final TransferAccess access;

	private final CollectionCatalog catalog;

	TaskConditions(TokenStore tokens, TransferAccess access, CollectionCatalog catalog) {
		this.tokens = tokens;
		this.access = access;
		this.catalog = catalog;
	}

	/**
	 * Why the task cannot go on now, or null: a data_access consent of one of its
	 * collections was revoked, or its credentials expired and the owner has not
	 * authorized anew since.
	 */
	SimTask.Inactivity lapse(SimTask task) {
		if (task.credentialsExpiredAt != null) {
			boolean renewed = this.tokens.lastAuthorized(task.ownerId)
				.filter((at) -> at.isAfter(task.credentialsExpiredAt))
				.isPresent();
			if (!renewed) {
				return new SimTask.Inactivity("NO_CREDENTIALS", "no credentials",
						"The credentials Globus holds for this task expired. Log in to Globus again "
								+ "to renew them; the task then resumes where it stopped.");
			}
			task.credentialsExpiredAt = null;
		}
		for (String collectionId : task.collections()) {
			SimCollection collection = this.catalog.find(collectionId).orElse(null);
			if (collection != null && collection.requiresDataAccess()
					&& !this.access.hasDataAccess(task.ownerId, task.clientId, task.consentChain, collection)) {
				return new SimTask.Inactivity("NO_CREDENTIALS", "consent required",
						"The data_access consent for collection '" + collection.displayName()
								+ "' was revoked. Grant it again (" + collection.dataAccessScope()
								+ ") and the task resumes where it stopped.");
			}
		}
		return null;
	}

	String pauseMessage(SimTask task) {
		return pauseMessage(task, this.catalog);
	}

	/** The message of the first pause rule on the task's collections, or null. */
	static String pauseMessage(SimTask task, CollectionCatalog catalog) {
		for (String collectionId : task.collections()) {
			String message = catalog.find(collectionId).map(SimCollection::pauseMessage).orElse(null);
			if (message != null) {
				return message;
			}
		}
		return null;
	}

}
