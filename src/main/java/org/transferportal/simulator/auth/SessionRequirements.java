package org.transferportal.simulator.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.LoginSession;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.SimIdentity;

/**
 * What an authorization request asks of the login session, as the simulated Auth enforces
 * it: listed identities, identity domains (asked for directly or through a session
 * policy), a policy's authentication timeout, and MFA. A session that already meets them
 * needs no new login.
 *
 * @param identities ids or usernames of which one must be in the session's identity set
 * @param domains identity domains of which one must be the session's
 * @param maxAge how recent the login must be, or null
 * @param mfa whether the login must have used MFA
 */
record SessionRequirements(List<String> identities, List<String> domains, Duration maxAge, boolean mfa) {

	/**
	 * The requirements of a request, with each session policy read from the collection
	 * that enforces it.
	 * @throws IllegalArgumentException when a policy id is unknown
	 */
	static SessionRequirements of(PendingAuthorization request, CollectionCatalog collections) {
		List<String> domains = new ArrayList<>(request.requiredDomains());
		Duration maxAge = null;
		for (String policyId : request.requiredPolicies()) {
			SimCollection collection = collections.byPolicy(policyId)
				.orElseThrow(() -> new IllegalArgumentException("Unknown session policy '" + policyId + "'"));
			if (collection.requiredDomain() != null && !domains.contains(collection.requiredDomain())) {
				domains.add(collection.requiredDomain());
			}
			if (collection.authenticationAssuranceTimeout() != null) {
				Duration timeout = Duration.ofMinutes(collection.authenticationAssuranceTimeout());
				maxAge = (maxAge == null || timeout.compareTo(maxAge) < 0) ? timeout : maxAge;
			}
		}
		return new SessionRequirements(request.requiredIdentities(), List.copyOf(domains), maxAge,
				request.requireMfa());
	}

	/** Whether this identity may log in for the request. */
	boolean admits(SimIdentity identity, IdentityDirectory directory) {
		if (!this.identities.isEmpty()) {
			boolean listed = directory.identitySet(identity)
				.stream()
				.anyMatch((i) -> this.identities.contains(i.sub())
						|| this.identities.stream().anyMatch((r) -> r.equalsIgnoreCase(i.username())));
			if (!listed) {
				return false;
			}
		}
		return this.domains.isEmpty() || this.domains.stream().anyMatch((d) -> d.equalsIgnoreCase(identity.domain()));
	}

	/** Whether an existing login session already meets the requirements. */
	boolean metBy(LoginSession session, IdentityDirectory directory, Instant now) {
		Optional<SimIdentity> identity = directory.find(session.identityId());
		boolean recent = this.maxAge == null || session.authenticatedAt().plus(this.maxAge).isAfter(now);
		return identity.isPresent() && admits(identity.get(), directory) && recent && (!this.mfa || session.mfa());
	}

}
