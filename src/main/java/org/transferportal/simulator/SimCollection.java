package org.transferportal.simulator;

import java.util.List;

/**
 * A simulated Globus collection (or endpoint) and the facts the simulator acts on.
 *
 * @param id collection id
 * @param displayName display name
 * @param entityType Globus entity type
 * @param highAssurance whether it is high assurance
 * @param nonFunctional whether it is a non-browsable endpoint
 * @param authenticationAssuranceTimeout minutes a login stays good enough, or null
 * @param requiredDomain the identity domain a login must come from, or null
 * @param description description
 * @param organization organization
 * @param owner the person who created or administers it (username), or null; a GCSv5
 * collection is nevertheless owned by its endpoint
 * @param ownerId what Transfer gives as {@code owner_id}: the endpoint's id for a GCSv5
 * endpoint or collection, else the owner's identity id
 * @param administrators usernames with the administrator role
 * @param sharedWith usernames a guest collection is shared with
 * @param keywords comma-separated keywords
 * @param gcsHost the GCS host name
 * @param hostEndpointId the mapped collection of a guest collection, or null
 * @param https whether it has an HTTPS server
 * @param policyId the Globus Auth session policy a high-assurance collection enforces, or
 * null
 * @param storageDomain the identity domain its storage gateway accepts, or null
 * @param readOnlyPaths folders nobody may write to or delete from (ending in "/")
 * @param quotaBytes how many bytes of files it may hold, or null
 * @param pauseMessage the message of its administrator's pause rule, or null when it is
 * not paused
 */
public record SimCollection(String id, String displayName, String entityType, boolean highAssurance,
		boolean nonFunctional, Integer authenticationAssuranceTimeout, String requiredDomain, String description,
		String organization, String owner, String ownerId, List<String> administrators, List<String> sharedWith,
		String keywords, String gcsHost, String hostEndpointId, boolean https, String policyId, String storageDomain,
		List<String> readOnlyPaths, Long quotaBytes, String pauseMessage, boolean isPublic) {

	public SimCollection {
		administrators = List.copyOf(administrators);
		sharedWith = List.copyOf(sharedWith);
		readOnlyPaths = List.copyOf(readOnlyPaths);
	}

	/** The reference's rule: mapped GCSv5 collections that are not high assurance. */
	public boolean requiresDataAccess() {
		return "GCSv5_mapped_collection".equals(this.entityType) && !this.highAssurance;
	}

	public String dataAccessScope() {
		return "https://auth.globus.org/scopes/" + this.id + "/data_access";
	}

	/**
	 * The scope of its HTTPS server; tokens for it name the collection as resource
	 * server.
	 */
	public String httpsScope() {
		return "https://auth.globus.org/scopes/" + this.id + "/https";
	}

	public boolean isGuest() {
		return "GCSv5_guest_collection".equals(this.entityType);
	}

	public boolean isPersonal() {
		return this.entityType.startsWith("GCP_");
	}

	/** Whether this identity may find and use it. */
	public boolean visibleTo(String identityId) {
		return this.isPublic || this.ownerId.equals(identityId);
	}

	public boolean isMapped() {
		return "GCSv5_mapped_collection".equals(this.entityType);
	}

	/** Whether nobody may write to or delete this path. */
	public boolean readOnly(String path) {
		String dir = path.endsWith("/") ? path : path + "/";
		return this.readOnlyPaths.stream().anyMatch(dir::startsWith);
	}

	/** Transfer's {@code owner_string}: a client identity for what an endpoint owns. */
	public String ownerString() {
		return this.entityType.startsWith("GCSv5_") ? this.ownerId + "@clients.auth.globus.org" : this.owner;
	}

}
