package org.transferportal.schedules;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import org.transferportal.collections.CollectionNames;

/**
 * Names for the collections a schedule moves data between, through the portal's one
 * lookup ({@link CollectionNames}: the lab's names, then Globus's display names as the
 * user sees them); a collection it cannot name stands for itself, by its id.
 */
@Component
class ScheduleCollectionNames {

	private final CollectionNames names;

	ScheduleCollectionNames(CollectionNames names) {
		this.names = names;
	}

	/** Names by collection id, every id given included. */
	Map<String, String> of(Collection<String> ids) {
		List<String> given = ids.stream().filter(Objects::nonNull).distinct().toList();
		Map<String, String> found = this.names.of(given);
		Map<String, String> names = new LinkedHashMap<>();
		given.forEach((id) -> names.put(id, found.getOrDefault(id, id)));
		return names;
	}

}
