package org.transferportal.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.transferportal.globus.GlobusScopes;

/**
 * What a lab admin configures: the lab's name, the collections everyone uses, who may log
 * in and who administers the portal.
 *
 * @param name the lab's name, shown in the page header
 * @param collections the lab's collections, offered in every collection picker
 * @param allowedDomains identity provider domains whose users may log in (the part after
 * {@code @} of a Globus username, e.g. {@code uchicago.edu}), matched against the user's
 * identity and its linked identities; empty lets every Globus user in
 * @param admins Globus usernames of the lab's admins
 * @param linkedIdentities ask Globus for the user's linked identities at login (scope
 * {@value #VIEW_IDENTITY_SET}), so that {@code allowedDomains} also matches them; Globus
 * sends {@code identity_set} only with that scope
 * @param group a Globus group whose active members may log in (whatever their domain);
 * when set, the login also asks for Globus Groups' read scope and the portal looks the
 * user's memberships up once, right after login. Unset: no group rule
 * @param downloads whether members may download and preview files through the portal
 * (over the HTTPS servers of collections that have one); {@code false} keeps data from
 * leaving storage through the browser
 * @param uploads whether members may upload files through the portal
 */
@ConfigurationProperties("portal.lab")
public record LabProperties(@DefaultValue("Transfer Portal") String name, @DefaultValue List<LabCollection> collections,
		@DefaultValue List<String> allowedDomains, @DefaultValue List<String> admins, boolean linkedIdentities,
		UUID group, @DefaultValue("true") boolean downloads, @DefaultValue("true") boolean uploads) {

	/** The Globus Auth scope that adds {@code identity_set} to the user's claims. */
	public static final String VIEW_IDENTITY_SET = "urn:globus:auth:scope:auth.globus.org:view_identity_set";

	/** Scopes the login asks for beyond Globus's usual ones. */
	public List<String> extraLoginScopes() {
		List<String> scopes = new ArrayList<>();
		if (this.linkedIdentities) {
			scopes.add(VIEW_IDENTITY_SET);
		}
		if (this.group != null) {
			scopes.add(GlobusScopes.GROUPS_VIEW_MY_GROUPS);
		}
		return List.copyOf(scopes);
	}

	/**
	 * A collection the lab knows in advance.
	 *
	 * @param id the collection id
	 * @param name a display name
	 * @param path the folder to open first
	 * @param consentAtLogin ask for its data_access consent at login, the "known
	 * collections" approach; only for mapped, non-high-assurance collections (Globus
	 * refuses a login that asks data_access of a guest or high-assurance collection)
	 * @param deletesAllowed whether members may delete files and folders on it through
	 * the portal (default {@code true}; {@code false} for an archive that must only grow)
	 */
	public record LabCollection(UUID id, String name, @DefaultValue("/~/") String path, boolean consentAtLogin,
			@DefaultValue("true") boolean deletesAllowed) {
	}

	/**
	 * Whether the lab lets members delete on this collection: yes unless one of its lab
	 * collections with this id says no.
	 */
	public boolean deletesAllowed(UUID collectionId) {
		return this.collections.stream()
			.filter((c) -> c.id() != null && c.id().equals(collectionId))
			.allMatch(LabCollection::deletesAllowed);
	}

	/** The folder the lab opens first on this collection, if it is one of the lab's. */
	public java.util.Optional<String> labFolder(UUID collectionId) {
		return this.collections.stream()
			.filter((c) -> c.id() != null && c.id().equals(collectionId))
			.map(LabCollection::path)
			.findFirst();
	}

	/** The lab's collection names by collection id, for pages that show ids. */
	public java.util.Map<String, String> collectionNames() {
		return this.collections.stream()
			.collect(java.util.stream.Collectors.toMap((c) -> c.id().toString(), LabCollection::name, (a, b) -> a));
	}

	/** Collections whose data_access scope the login asks for up front. */
	public List<UUID> dataAccessCollections() {
		return this.collections.stream().filter(LabCollection::consentAtLogin).map(LabCollection::id).toList();
	}

}
