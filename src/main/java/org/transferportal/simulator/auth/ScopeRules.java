package org.transferportal.simulator.auth;

import java.util.List;
import java.util.Optional;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.SimScope;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.TokenStore;

/**
 * Which scopes the simulated Auth knows, which resource server each belongs to, and how
 * the consent page words them.
 */
final class ScopeRules {

	static final String TRANSFER_ALL = "urn:globus:auth:scope:transfer.api.globus.org:all";

	static final String GROUPS_VIEW_MY_GROUPS = "urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships";

	static final String VIEW_IDENTITY_SET = "urn:globus:auth:scope:auth.globus.org:view_identity_set";

	private static final List<String> AUTH_SCOPES = List.of("openid", "profile", "email", VIEW_IDENTITY_SET,
			"urn:globus:auth:scope:auth.globus.org:view_identities",
			"urn:globus:auth:scope:auth.globus.org:view_consents");

	private final CollectionCatalog collections;

	ScopeRules(CollectionCatalog collections) {
		this.collections = collections;
	}

	/** An error description when a requested scope is unknown or not allowed. */
	Optional<String> validate(List<SimScope> scopes) {
		if (scopes.isEmpty()) {
			return Optional.of("No scopes requested");
		}
		for (SimScope scope : scopes) {
			String name = scope.name();
			if (AUTH_SCOPES.contains(name) || GROUPS_VIEW_MY_GROUPS.equals(name)) {
				if (!scope.dependencies().isEmpty()) {
					return Optional.of("Scope '" + name + "' has no dependent scopes");
				}
			}
			else if (TRANSFER_ALL.equals(name)) {
				for (SimScope dependency : scope.dependencies()) {
					if (!dependency.dependencies().isEmpty() || dataAccessCollection(dependency.name()).isEmpty()) {
						return Optional.of("Unknown Scope: " + dependency);
					}
				}
			}
			else if (httpsCollection(name).isPresent()) {
				if (!scope.dependencies().isEmpty()) {
					return Optional.of("Scope '" + name + "' has no dependent scopes");
				}
			}
			else if (dataAccessCollection(name).isEmpty() || !scope.dependencies().isEmpty()) {
				return Optional.of("Unknown Scope: " + scope);
			}
		}
		return Optional.empty();
	}

	private Optional<SimCollection> dataAccessCollection(String scopeName) {
		return CollectionCatalog.dataAccessCollectionId(scopeName)
			.flatMap(this.collections::find)
			.filter(SimCollection::requiresDataAccess);
	}

	/** A collection whose HTTPS server this scope is for: one with HTTPS enabled. */
	private Optional<SimCollection> httpsCollection(String scopeName) {
		return CollectionCatalog.httpsCollectionId(scopeName)
			.flatMap(this.collections::find)
			.filter(SimCollection::https);
	}

	static String resourceServer(String rootScopeName) {
		if (AUTH_SCOPES.contains(rootScopeName)) {
			return TokenStore.AUTH;
		}
		if (TRANSFER_ALL.equals(rootScopeName)) {
			return TokenStore.TRANSFER;
		}
		if (GROUPS_VIEW_MY_GROUPS.equals(rootScopeName)) {
			return TokenStore.GROUPS;
		}
		// A collection's HTTPS token names the collection as its resource server.
		return CollectionCatalog.dataAccessCollectionId(rootScopeName)
			.or(() -> CollectionCatalog.httpsCollectionId(rootScopeName))
			.orElse(rootScopeName);
	}

	/** Plain words for the consent page. */
	String describe(String scopeName) {
		return switch (scopeName) {
			case "openid" -> "Know who you are in Globus (your identity)";
			case "profile" -> "View your name and organization";
			case "email" -> "View your e-mail address";
			case TRANSFER_ALL -> "Manage your data transfers and browse your collections (Globus Transfer)";
			case GROUPS_VIEW_MY_GROUPS -> "View your groups and your memberships in them (Globus Groups)";
			case VIEW_IDENTITY_SET -> "View the identities linked to yours";
			case "urn:globus:auth:scope:auth.globus.org:view_identities" -> "View your linked identities";
			case "urn:globus:auth:scope:auth.globus.org:view_consents" -> "View what you have consented to";
			default -> CollectionCatalog.dataAccessCollectionId(scopeName)
				.flatMap(this.collections::find)
				.map((collection) -> "Access data on collection " + collection.displayName())
				.or(() -> httpsCollection(scopeName).map((collection) -> "Download and upload files over HTTPS on "
						+ "collection " + collection.displayName()))
				.orElse(scopeName);
		};
	}

}
