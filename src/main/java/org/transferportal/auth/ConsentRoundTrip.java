package org.transferportal.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

	private final GrantedConsents granted;

	private final MeterRegistry meters;

	ConsentRoundTrip(CurrentUser currentUser, PendingActions pendingActions, UserTokens tokens, ConsentMemory memory,
			GrantedConsents granted, MeterRegistry meters) {
		this.currentUser = currentUser;
		this.pendingActions = pendingActions;
		this.tokens = tokens;
		this.memory = memory;
		this.granted = granted;
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
		String subject = this.currentUser.subject();
		PendingAction action = this.pendingActions.create(subject, kind, target, parameters);
		// The trip changes what the user granted: ask Globus Auth again afterwards.
		this.granted.forget(subject);
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
	 * Starts one trip for everything some collections need: the data_access scope of some
	 * (under Transfer) and the HTTPS scope of others, in one authorization request, with
	 * a fresh login at the identity provider when {@code freshLogin}.
	 */
	public String startForCollections(String kind, String target, Collection<UUID> dataAccess, Collection<UUID> https,
			boolean freshLogin) {
		List<String> scopes = new ArrayList<>();
		if (!dataAccess.isEmpty()) {
			scopes.add(GlobusScopes.transferWithDataAccess(dataAccess).toString());
		}
		https.stream().distinct().map(GlobusScopes::https).forEach(scopes::add);
		String message = "The portal needs your consent to access data on these collections";
		AuthorizationParameters parameters = freshLogin
				? new AuthorizationParameters(scopes, message, null, null, null, false, "login")
				: AuthorizationParameters.scopes(scopes, message);
		return start(kind, target, parameters);
	}

	/**
	 * Which of these collections' HTTPS servers the portal holds no token of the user
	 * for: their {@code https} scope must be asked for.
	 */
	public Set<UUID> missingHttps(Collection<UUID> collections) {
		String subject = this.currentUser.subject();
		Set<UUID> missing = new LinkedHashSet<>();
		for (UUID collection : collections) {
			if (!this.tokens.holds(subject, collection.toString(), GlobusScopes.https(collection))) {
				missing.add(collection);
			}
		}
		return missing;
	}

	/**
	 * Which of these collections the user has not granted data_access to, as Globus Auth
	 * lists the user's consents; when Auth cannot say, which ones the user's current
	 * Transfer token was not issued with.
	 */
	public Set<UUID> missingDataAccess(Collection<UUID> collections) {
		if (collections.isEmpty()) {
			return Set.of();
		}
		String subject = this.currentUser.subject();
		Set<String> needed = new LinkedHashSet<>();
		collections.forEach((collection) -> needed.add(GlobusScopes.dataAccess(collection)));
		Set<String> have = this.granted.dataAccess(subject, needed)
			.orElseGet(() -> this.tokens.transferDependentScopes(subject));
		Set<UUID> missing = new LinkedHashSet<>();
		for (UUID collection : collections) {
			if (!have.contains(GlobusScopes.dataAccess(collection))) {
				missing.add(collection);
			}
		}
		return missing;
	}

	/**
	 * Whether the user consented to data_access for all these collections before, so that
	 * Globus would approve them again without asking. Not when Globus Auth has just said
	 * they are missing: then they were revoked there, and Globus will ask.
	 */
	public boolean consentedBefore(Collection<UUID> collections) {
		String subject = this.currentUser.subject();
		Set<String> remembered = this.memory.remembered(subject);
		boolean all = collections.stream().allMatch((c) -> remembered.contains(GlobusScopes.dataAccess(c)));
		return all && this.granted.lastAnswer(subject).isEmpty();
	}

}
