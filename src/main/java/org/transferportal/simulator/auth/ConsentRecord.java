package org.transferportal.simulator.auth;

import java.time.Instant;
import java.util.List;

/**
 * One granted consent node of a scope tree, as the consents API shows it.
 *
 * @param id consent id
 * @param identityId the consenting identity
 * @param clientId the client
 * @param scopeName the scope string
 * @param dependencyPath ids from the root consent down to this one
 * @param atomicallyRevocable whether it was requested as optional
 * @param created when granted
 */
record ConsentRecord(long id, String identityId, String clientId, String scopeName, List<Long> dependencyPath,
		boolean atomicallyRevocable, Instant created) {
}
