package org.transferportal.tasks;

import java.util.Optional;

import org.transferportal.globus.TransferDocument;

/**
 * What the portal recorded of the request that created a task, for the task page's
 * command: the items and options the user submitted (a feature above this one keeps
 * them). Tasks not submitted through the portal have none.
 */
public interface SubmittedRequests {

	/**
	 * The transfer the user submitted as this task, or empty when the portal did not
	 * submit it for this user.
	 */
	Optional<TransferDocument> find(String subject, String taskId);

}
