package org.transferportal.globus;

/**
 * The query of an endpoint search.
 *
 * @param fulltext words to match; required by Globus when the scope is {@code all}
 * @param scope one of {@code all}, {@code my-endpoints}, {@code recently-used},
 * {@code in-use}, {@code shared-by-me}, {@code shared-with-me},
 * {@code administered-by-me}, {@code my-gcp-endpoints}
 * @param entityType an entity type to keep, or {@code null}
 * @param ownerId an owner identity to keep, or {@code null}
 * @param hostEndpoint guests of this endpoint only, or {@code null}
 * @param nonFunctional {@code true}/{@code false} to keep only (non-)functional ones;
 * Globus refuses it together with an entity type
 * @param limit page size (Globus allows up to 100)
 * @param offset first result (Globus stops at 1000)
 */
public record CollectionSearch(String fulltext, String scope, String entityType, String ownerId, String hostEndpoint,
		Boolean nonFunctional, int limit, int offset) {

	/** Scopes Globus accepts. */
	public static final java.util.List<String> SCOPES = java.util.List.of("all", "my-endpoints", "recently-used",
			"in-use", "shared-by-me", "shared-with-me", "administered-by-me", "my-gcp-endpoints");

	public CollectionSearch {
		if (scope != null && !SCOPES.contains(scope)) {
			throw new IllegalArgumentException("Unknown search scope '" + scope + "'");
		}
		if (entityType != null && nonFunctional != null) {
			throw new IllegalArgumentException("Globus does not accept an entity type with non_functional");
		}
		limit = (limit <= 0) ? 25 : Math.min(limit, 100);
		offset = Math.max(0, offset);
	}

	/** A simple text search over all collections. */
	public static CollectionSearch text(String fulltext) {
		return new CollectionSearch(fulltext, "all", null, null, null, null, 25, 0);
	}

}
