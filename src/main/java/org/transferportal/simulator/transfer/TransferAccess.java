package org.transferportal.simulator.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.ConsentLedger;
import org.transferportal.simulator.FaultInjector;
import org.transferportal.simulator.SimIdentity;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.IssuedToken;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.SimJson;
import org.transferportal.simulator.TokenStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The checks every simulated Transfer call goes through: faults, the bearer token, and
 * per collection the data_access consent or the high-assurance session policy; file
 * operations also log in to the storage.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TransferAccess {

	static final String TRANSFER_ALL = "urn:globus:auth:scope:transfer.api.globus.org:all";

	static final String CONSENT_MESSAGE = "Missing required data_access consent";

	static final String POLICY_MESSAGE = "Failing collection authentication policy";

	private final TokenStore tokens;

	private final FaultInjector faults;

	private final CollectionCatalog collections;

	private final IdentityDirectory identities;

	private final ConsentLedger consents;

	TransferAccess(TokenStore tokens, FaultInjector faults, CollectionCatalog collections, IdentityDirectory identities,
			ConsentLedger consents) {
		this.tokens = tokens;
		this.faults = faults;
		this.collections = collections;
		this.identities = identities;
		this.consents = consents;
	}

	/**
	 * The caller of a request, once faults and the token have been checked.
	 *
	 * @param token its token
	 * @param identity the identity it acts as
	 * @param accounts the local accounts its identities map to on mapped collections
	 */
	record Caller(IssuedToken token, SimIdentity identity, List<String> accounts) {

		String id() {
			return this.token.sub();
		}

	}

	/** A fault to answer instead, if one is due. */
	Optional<ResponseEntity<String>> fault(HttpServletRequest request) {
		return this.faults.faultFor(request.getMethod(), TransferErrorHandler.resource(request));
	}

	Caller authenticate(HttpServletRequest request) {
		IssuedToken token = this.tokens.fromHeader(request.getHeader(HttpHeaders.AUTHORIZATION), TokenStore.TRANSFER)
			.orElseThrow(() -> new TransferError(401, "ClientError.AuthenticationFailed",
					"Token is not active, or is not a token for transfer.api.globus.org"));
		SimIdentity identity = this.identities.find(token.sub()).orElseThrow();
		List<String> accounts = this.identities.identitySet(identity)
			.stream()
			.map(SimIdentity::localPart)
			.distinct()
			.toList();
		return new Caller(token, identity, accounts);
	}

	SimCollection collection(String id) {
		return this.collections.find(id)
			.orElseThrow(() -> new TransferError(404, "EndpointNotFound", "No such endpoint '" + id + "'"));
	}

	/** A collection the caller may see: a private one is its owner's alone. */
	SimCollection collection(String id, Caller caller) {
		SimCollection collection = collection(id);
		if (!collection.visibleTo(caller.id())) {
			throw new TransferError(403, "PermissionDenied",
					"You do not have permission to use '" + collection.displayName() + "'");
		}
		return collection;
	}

	/**
	 * A collection a task may name: a collection, not an endpoint, and a local account
	 * only where one exists (GCSv5 mapped collections, per the CLI's help).
	 */
	SimCollection usableForTask(String id, Caller caller, String localUser, String localUserField) {
		SimCollection collection = collection(id, caller);
		if (collection.nonFunctional()) {
			throw TransferError.badRequest("'" + collection.displayName()
					+ "' is a Globus Connect Server endpoint, not a collection; pick one of its collections");
		}
		if (localUser != null && !collection.isMapped()) {
			throw TransferError.badRequest(localUserField + " is only allowed for GCSv5 mapped collections, and '"
					+ collection.displayName() + "' is a " + collection.entityType());
		}
		return collection;
	}

	/**
	 * The caller of a simulated Timers run: the timer's owner, through the client that
	 * created the timer, with no login session of its own (a run happens while nobody is
	 * at the keyboard).
	 */
	Caller onBehalfOf(String identityId, String clientId) {
		SimIdentity identity = this.identities.find(identityId)
			.orElseThrow(() -> new TransferError(401, "ClientError.AuthenticationFailed", "Unknown identity"));
		java.time.Instant now = this.tokens.now();
		IssuedToken token = new IssuedToken("timers-run", TokenStore.TRANSFER, clientId, List.of(),
				new org.transferportal.simulator.LoginSession(identityId, identity.domain(), java.time.Instant.EPOCH,
						false),
				now, now.plusSeconds(3600), null);
		List<String> accounts = this.identities.identitySet(identity)
			.stream()
			.map(SimIdentity::localPart)
			.distinct()
			.toList();
		return new Caller(token, identity, accounts);
	}

	/**
	 * Checks that the caller may use the collections now: data_access consent for mapped
	 * collections (all missing ones reported in one error), then session policies.
	 */
	void checkUse(Caller caller, SimCollection... used) {
		checkUse(caller, List.of(TRANSFER_ALL), used);
	}

	/**
	 * Like {@link #checkUse(Caller, SimCollection...)}, with the data_access consents
	 * looked for below this chain of consents (a timer's run: Timers, then Transfer).
	 */
	void checkUse(Caller caller, List<String> consentChain, SimCollection... used) {
		List<String> missing = new ArrayList<>();
		for (SimCollection collection : used) {
			if (collection.requiresDataAccess()
					&& !hasDataAccess(caller.id(), caller.token().clientId(), consentChain, collection)
					&& !missing.contains(collection.dataAccessScope())) {
				missing.add(collection.dataAccessScope());
			}
		}
		if (!missing.isEmpty()) {
			String scope = TRANSFER_ALL + "[*" + String.join(" *", missing) + "]";
			throw new TransferError(403, "ConsentRequired", CONSENT_MESSAGE).with("required_scopes", List.of(scope))
				.with("authorization_parameters",
						SimJson.object("session_message", CONSENT_MESSAGE, "required_scopes", List.of(scope)));
		}
		for (SimCollection collection : used) {
			if (collection.highAssurance() && !sessionAcceptable(caller, collection)) {
				// Transfer names the collection's policy as a comma-separated string and
				// leaves the rest (domain, timeout, prompt) to Globus Auth.
				Object parameters = SimJson.object("session_message", POLICY_MESSAGE, "session_required_policies",
						collection.policyId());
				throw new TransferError(403, "AuthPolicyFailed", POLICY_MESSAGE).with("authorization_parameters",
						parameters);
			}
		}
	}

	/**
	 * Whether the identity has granted the client {@code data_access} on the collection
	 * at Globus Auth: a consent, not a property of the token, so one given in another
	 * session counts and a revoked one no longer does.
	 */
	boolean hasDataAccess(String identityId, String clientId, SimCollection collection) {
		return this.consents.hasDependent(identityId, clientId, TRANSFER_ALL, collection.dataAccessScope());
	}

	/**
	 * Like {@link #hasDataAccess(String, String, SimCollection)}, below a chain of
	 * consents.
	 */
	boolean hasDataAccess(String identityId, String clientId, List<String> consentChain, SimCollection collection) {
		List<String> path = new ArrayList<>(consentChain);
		path.add(collection.dataAccessScope());
		return this.consents.has(identityId, clientId, path);
	}

	/**
	 * The storage side of a file operation: a collection whose storage gateway accepts
	 * identities of one domain fails the login to the storage for other sessions, which
	 * Transfer reports as a 502 carrying the session it needs.
	 * @param failure the operation's failure code, e.g.
	 * {@code ExternalError.DirListingFailed}
	 */
	static void checkStorageLogin(Caller caller, SimCollection collection, String failure) {
		String domain = collection.storageDomain();
		if (domain != null && !domain.equalsIgnoreCase(caller.token().session().domain())) {
			String message = "Login to the storage of '" + collection.displayName() + "' failed: it accepts " + domain
					+ " identities only";
			throw new TransferError(502, failure + ".LoginFailed", message).with("authorization_parameters",
					SimJson.object("session_message", message, "session_required_single_domain", List.of(domain)));
		}
	}

	private boolean sessionAcceptable(Caller caller, SimCollection collection) {
		var session = caller.token().session();
		boolean domainOk = collection.requiredDomain() == null
				|| collection.requiredDomain().equalsIgnoreCase(session.domain());
		Integer timeout = collection.authenticationAssuranceTimeout();
		boolean recent = timeout == null
				|| session.authenticatedAt().plus(Duration.ofMinutes(timeout)).isAfter(this.tokens.now());
		return domainOk && recent;
	}

	/** Storage-side checks for paths. */
	static void checkPathAllowed(SimCollection collection, String path) {
		if (path.equals("/restricted") || path.startsWith("/restricted/")) {
			throw new TransferError(403, "EndpointPermissionDenied",
					"Permission denied on '" + path + "' of collection '" + collection.displayName() + "'");
		}
	}

}
