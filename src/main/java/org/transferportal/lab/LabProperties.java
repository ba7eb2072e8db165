package org.transferportal.lab;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a lab admin configures: the lab's name and the collections everyone uses.
 *
 * @param name the lab's name, shown in the page header
 * @param collections the lab's collections, offered in every collection picker
 */
@ConfigurationProperties("portal.lab")
public record LabProperties(@DefaultValue("Transfer Portal") String name,
		@DefaultValue List<LabCollection> collections) {

	/**
	 * A collection the lab knows in advance.
	 *
	 * @param id the collection id
	 * @param name a display name
	 * @param path the folder to open first
	 * @param consentAtLogin ask for its data_access consent at login, the "known
	 * collections" approach; only for mapped, non-high-assurance collections (Globus
	 * refuses a login that asks data_access of a guest or high-assurance collection)
	 */
	public record LabCollection(UUID id, String name, @DefaultValue("/~/") String path, boolean consentAtLogin) {
	}

	/** Collections whose data_access scope the login asks for up front. */
	public List<UUID> dataAccessCollections() {
		return this.collections.stream().filter(LabCollection::consentAtLogin).map(LabCollection::id).toList();
	}

}
