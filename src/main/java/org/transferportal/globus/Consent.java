package org.transferportal.globus;

import java.util.List;

/**
 * A consent the user gave in Globus Auth. A dependent consent's {@code dependencyPath}
 * starts with the id of the consent it hangs below.
 */
public record Consent(long id, String scopeName, List<Long> dependencyPath, String status, String client,
		String created, String lastUsed, Boolean atomicallyRevocable) {

	public Consent {
		dependencyPath = (dependencyPath != null) ? List.copyOf(dependencyPath) : List.of();
	}

}
