package org.transferportal.globus;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A collection or endpoint document ({@code DATA_TYPE: endpoint}) of Transfer.
 */
public record Collection(String id, String displayName, String entityType, Boolean highAssurance, Boolean nonFunctional,
		String ownerId, String ownerString, String description, String organization, String contactEmail,
		String defaultDirectory, @JsonProperty("public") Boolean isPublic, String hostEndpointId,
		String mappedCollectionId, String httpsServer, String gcsVersion, Integer authenticationAssuranceTimeout,
		Boolean mfaRequired, List<String> myEffectiveRoles, @JsonProperty("_rank") Double rank) {

	/** Entity type of GCSv5 mapped collections, the ones that may need data_access. */
	public static final String MAPPED = "GCSv5_mapped_collection";

	/**
	 * The rule of Globus's SDK and CLI: a GCSv5 mapped collection that is not high
	 * assurance needs the data_access dependent scope.
	 */
	public boolean requiresDataAccessScope() {
		return MAPPED.equals(this.entityType) && !Boolean.TRUE.equals(this.highAssurance);
	}

	/** Whether it can be listed at all (GCSv5 endpoints cannot). */
	public boolean browsable() {
		return !Boolean.TRUE.equals(this.nonFunctional);
	}

	/** A name to show, never empty. */
	public String name() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.id;
	}

}
