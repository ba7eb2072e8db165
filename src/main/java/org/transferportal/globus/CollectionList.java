package org.transferportal.globus;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of an endpoint search ({@code DATA_TYPE: endpoint_list}).
 */
public record CollectionList(@JsonProperty("DATA") List<Collection> data, boolean hasNextPage, int limit, int offset) {

	public CollectionList {
		data = (data != null) ? data : List.of();
	}

}
