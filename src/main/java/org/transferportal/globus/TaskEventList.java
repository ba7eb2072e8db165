package org.transferportal.globus;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a task's events ({@code DATA_TYPE: event_list}).
 */
public record TaskEventList(@JsonProperty("DATA") List<TaskEvent> data, Integer length, Integer limit, Integer offset,
		Integer total) {

	public TaskEventList {
		data = (data != null) ? data : List.of();
	}

}
