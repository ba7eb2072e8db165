package org.transferportal.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.support.LocalPaths;

/**
 * Sends the user through Globus Auth for more consent and brings them back to what they
 * were doing. Features call {@link #start} and redirect to the path it returns.
 */
@Service
public class ConsentRoundTrip {

	/** Where Spring Security starts an authorization request to Globus. */
	public static final String AUTHORIZATION_PATH = "/oauth2/authorization/globus";

	/** Query parameter that names the pending action of a round trip. */
	static final String PENDING_PARAMETER = "pending";

	/** Pending action kind that just returns to a local path. */
	public static final String RETURN_KIND = "return";

	private final CurrentUser currentUser;

	private final PendingActions pendingActions;

	private final UserTokens tokens;

	private final ConsentMemory memory;

	private final MeterRegistry meters;

	ConsentRoundTrip(CurrentUser currentUser, PendingActions pendingActions, UserTokens tokens, ConsentMemory memory,
			MeterRegistry meters) {
		this.currentUser = currentUser;
		this.pendingActions = pendingActions;
		this.tokens = tokens;
		this.memory = memory;
		this.meters = meters;
	}

	/**
	 * Saves the pending action and returns the local path that starts the trip.
	 * @param kind the {@link PendingActionHandler} that resumes it, or
	 * {@link #RETURN_KIND}
	 * @param target what the handler resumes (for {@link #RETURN_KIND}, a local path)
	 * @param parameters the scopes and session requirements to ask for
	 */
	public String start(String kind, String target, AuthorizationParameters parameters) {
		if (RETURN_KIND.equals(kind) && !LocalPaths.isLocal(target)) {
			throw new IllegalArgumentException("A consent round trip can only return to a local path");
		}
		PendingAction action = this.pendingActions.create(this.currentUser.subject(), kind, target, parameters);
		this.meters
			.counter("portal.consent.trips", "kind", kind, "session", String.valueOf(parameters.requiresSession()))
			.increment();
		return AUTHORIZATION_PATH + "?" + PENDING_PARAMETER + "=" + action.id();
	}

	/** Starts a trip that asks for the data_access scopes of these collections. */
	public String startForDataAccess(String kind, String target, Collection<UUID> collections) {
		String scope = GlobusScopes.transferWithDataAccess(collections).toString();
		return start(kind, target, AuthorizationParameters.scopes(java.util.List.of(scope),
				"The portal needs your consent to access data on these collections"));
	}

	/**
	 * Which of these collections the user's current Transfer token has no data_access
	 * for.
	 */
	public Set<UUID> missingDataAccess(Collection<UUID> collections) {
		Set<String> carried = this.tokens.transferDependentScopes(this.currentUser.subject());
		Set<UUID> missing = new LinkedHashSet<>();
		for (UUID collection : collections) {
			if (!carried.contains(GlobusScopes.dataAccess(collection))) {
				missing.add(collection);
			}
		}
		return missing;
	}

	/** Whether the user consented to data_access for all these collections before. */
	public boolean consentedBefore(Collection<UUID> collections) {
		Set<String> remembered = this.memory.remembered(this.currentUser.subject());
		return collections.stream().allMatch((c) -> remembered.contains(GlobusScopes.dataAccess(c)));
	}

}
