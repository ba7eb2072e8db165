package org.transferportal.schedules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.TransferClient;
import org.transferportal.lab.LabProperties;

/**
 * Names for the collections a schedule moves data between: the lab's own names first,
 * else Globus's display names (cached), else the id itself.
 */
@Component
class ScheduleCollectionNames {

	private final LabProperties lab;

	private final CollectionDirectory directory;

	ScheduleCollectionNames(LabProperties lab, CollectionDirectory directory) {
		this.lab = lab;
		this.directory = directory;
	}

	/** Names by collection id; an id Globus cannot describe names itself. */
	Map<String, String> of(TransferClient transfer, Collection<String> ids) {
		Map<String, String> labNames = this.lab.collectionNames();
		Map<String, String> names = new LinkedHashMap<>();
		List<UUID> unknown = new ArrayList<>();
		for (String id : ids) {
			if (id == null || names.containsKey(id)) {
				continue;
			}
			if (labNames.containsKey(id)) {
				names.put(id, labNames.get(id));
			}
			else {
				names.put(id, id);
				UUID uuid = uuid(id);
				if (uuid != null) {
					unknown.add(uuid);
				}
			}
		}
		for (UUID id : unknown) {
			try {
				names.put(id.toString(), this.directory.describe(transfer, id).name());
			}
			catch (GlobusApiException ex) {
				// Not visible to the user, or Globus is unwell: the id will do.
			}
		}
		return names;
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
