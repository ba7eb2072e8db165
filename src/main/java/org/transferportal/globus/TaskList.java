package org.transferportal.globus;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of the user's tasks ({@code DATA_TYPE: task_list}).
 */
public record TaskList(@JsonProperty("DATA") List<Task> data, Integer length, Integer limit, Integer offset,
		Integer total) {

	public TaskList {
		data = (data != null) ? data : List.of();
	}

}
