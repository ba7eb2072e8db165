package org.transferportal.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One granted consent node of a scope tree, as Globus Auth's consents API shows it.
 *
 * @param id consent id
 * @param identityId the consenting identity
 * @param clientId the client
 * @param scopeName the scope string
 * @param dependencyPath ids from the root consent down to this one
 * @param atomicallyRevocable whether it was requested as optional
 * @param created when granted
 */
public record SimConsent(long id, String identityId, String clientId, String scopeName, List<Long> dependencyPath,
		boolean atomicallyRevocable, Instant created) {

	public SimConsent {
		dependencyPath = List.copyOf(dependencyPath);
	}

	/** Whether this is a root consent (not a dependent of another). */
	public boolean isRoot() {
		return this.dependencyPath.size() == 1;
	}

}
