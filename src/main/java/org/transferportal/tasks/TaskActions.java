package org.transferportal.tasks;

import java.util.List;

import org.transferportal.globus.Task;

/**
 * What features above this one offer to do next with a task the user is looking at (retry
 * what failed, run it again, …): the task page shows each as a button. Implemented by
 * those features as beans.
 */
public interface TaskActions {

	/** The actions offered for this task of the current user, in order; often none. */
	List<TaskAction> offered(Task task);

}
