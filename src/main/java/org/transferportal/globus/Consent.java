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

	/**
	 * Whether these consents meet a scope with all its dependencies, walked as a tree
	 * (Globus's SDK {@code ConsentForest.meets_scope_requirements}, which the CLI uses
	 * before creating a timer): an approved root consent to the scope, with an approved
	 * consent to each dependency directly below it, and so on down. Optional dependencies
	 * count: a timer that runs without one fails at its first run.
	 */
	public static boolean meets(Scope required, List<Consent> consents) {
		return consents.stream()
			.filter((consent) -> consent.isRoot() && consent.approved() && required.name().equals(consent.scopeName()))
			.anyMatch((root) -> meetsBelow(root, required.dependencies(), consents));
	}

	private static boolean meetsBelow(Consent parent, List<Scope> dependencies, List<Consent> consents) {
		for (Scope dependency : dependencies) {
			boolean met = consents.stream()
				.filter((consent) -> consent.isChildOf(parent) && consent.approved()
						&& dependency.name().equals(consent.scopeName()))
				.anyMatch((child) -> meetsBelow(child, dependency.dependencies(), consents));
			if (!met) {
				return false;
			}
		}
		return true;
	}

	/** Whether this consent hangs directly below the other one. */
	private boolean isChildOf(Consent parent) {
		List<Long> path = this.dependencyPath;
		return path.size() == parent.dependencyPath.size() + 1
				&& path.subList(0, path.size() - 1).equals(parent.dependencyPath)
				&& path.get(path.size() - 1) == this.id;
	}

	private boolean isRoot() {
		return this.dependencyPath.size() == 1 && this.dependencyPath.get(0) == this.id;
	}

	/** Globus lists approved consents; any other status is not a grant. */
	private boolean approved() {
		return this.status == null || "approved".equalsIgnoreCase(this.status);
	}

}
