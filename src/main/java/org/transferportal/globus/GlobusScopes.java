package org.transferportal.globus;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scope strings the portal asks Globus Auth for.
 */
public final class GlobusScopes {

	/** Transfer's root scope; data_access scopes hang below it. */
	public static final String TRANSFER = "urn:globus:auth:scope:transfer.api.globus.org:all";

	/** Resource server of Transfer tokens. */
	public static final String TRANSFER_RESOURCE_SERVER = "transfer.api.globus.org";

	/** Resource server of Auth tokens (the one that carries the ID token). */
	public static final String AUTH_RESOURCE_SERVER = "auth.globus.org";

	/**
	 * Globus Groups' read scope: the user's groups and their memberships in them. Globus
	 * sends its token in {@code other_tokens}.
	 */
	public static final String GROUPS_VIEW_MY_GROUPS = "urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships";

	/** Resource server of Groups tokens. */
	public static final String GROUPS_RESOURCE_SERVER = "groups.api.globus.org";

	/** The scopes for logging in. */
	public static final List<String> LOGIN = List.of("openid", "profile", "email");

	private static final Pattern DATA_ACCESS = Pattern
		.compile("https://auth\\.globus\\.org/scopes/([0-9a-fA-F-]{36})/data_access");

	private GlobusScopes() {
	}

	/** The data_access scope of one mapped collection. */
	public static String dataAccess(UUID collectionId) {
		return "https://auth.globus.org/scopes/" + collectionId + "/data_access";
	}

	/**
	 * The scope of a collection's HTTPS server (GCSv5): its token comes back with the
	 * collection's id as resource server.
	 */
	public static String https(UUID collectionId) {
		return "https://auth.globus.org/scopes/" + collectionId + "/https";
	}

	/**
	 * Transfer's root scope with an optional data_access dependency for each collection,
	 * e.g.
	 * {@code ...:all[*https://auth.globus.org/scopes/A/data_access *.../B/data_access]}.
	 */
	public static Scope transferWithDataAccess(Collection<UUID> collectionIds) {
		List<Scope> deps = collectionIds.stream()
			.distinct()
			.map((id) -> new Scope(dataAccess(id), true, List.of()))
			.toList();
		return new Scope(TRANSFER, false, deps);
	}

	/** The collection a data_access scope names, or {@code null} for any other scope. */
	public static UUID dataAccessCollection(String scopeName) {
		Matcher matcher = DATA_ACCESS.matcher(scopeName);
		if (!matcher.matches()) {
			return null;
		}
		try {
			return UUID.fromString(matcher.group(1));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
