package org.transferportal.globus;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A consent the user gave in Globus Auth. A dependent consent's {@code dependencyPath}
 * starts with the id of the consent it hangs below and ends with its own.
 */
public record Consent(long id, String scopeName, List<Long> dependencyPath, String status, String client,
		String created, String lastUsed, Boolean atomicallyRevocable) {

	public Consent {
		dependencyPath = (dependencyPath != null) ? List.copyOf(dependencyPath) : List.of();
	}

	/**
	 * The scopes consented to directly below a root consent to this scope: for
	 * Transfer's, the {@code data_access} scopes the user granted, whichever session,
	 * browser or portal instance granted them.
	 */
	public static Set<String> dependentsOf(String rootScope, List<Consent> consents) {
		Set<Long> roots = new LinkedHashSet<>();
		for (Consent consent : consents) {
			if (rootScope.equals(consent.scopeName()) && consent.isRoot() && consent.approved()) {
				roots.add(consent.id());
			}
		}
		Set<String> dependents = new LinkedHashSet<>();
		for (Consent consent : consents) {
			List<Long> path = consent.dependencyPath();
			if (path.size() == 2 && roots.contains(path.get(0)) && path.get(1) == consent.id() && consent.approved()
					&& consent.scopeName() != null) {
				dependents.add(consent.scopeName());
			}
		}
		return dependents;
	}

	private boolean isRoot() {
		return this.dependencyPath.size() == 1 && this.dependencyPath.get(0) == this.id;
	}

	/** Globus lists approved consents; any other status is not a grant. */
	private boolean approved() {
		return this.status == null || "approved".equalsIgnoreCase(this.status);
	}

}
