package org.transferportal.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.AuthorizationRequiredException;
import org.transferportal.globus.Collection;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.ListingQuery;
import org.transferportal.globus.Task;
import org.transferportal.globus.TransferClient;

/**
 * Frees a task Globus holds for want of the user's authorization, in one trip to Globus
 * Auth that comes back to the task: the data_access consents of its collections that need
 * one, and, for a high-assurance collection or lapsed credentials, a fresh login with
 * whatever session the collection demands.
 */
@Component
class HeldTasks {

	private final CurrentUser user;

	private final ConsentRoundTrip consent;

	HeldTasks(CurrentUser user, ConsentRoundTrip consent) {
		this.user = user;
		this.consent = consent;
	}

	/**
	 * Starts the trip; the local path to send the browser to.
	 * @param login whether the user asked to log in again (not only to consent)
	 */
	String regainAccess(String taskId, boolean login) {
		TransferClient transfer = this.user.transfer();
		Task task = transfer.task(taskId);
		Set<UUID> dataAccess = new LinkedHashSet<>();
		List<AuthorizationParameters> sessions = new ArrayList<>();
		boolean highAssurance = false;
		for (String id : new LinkedHashSet<>(Arrays.asList(task.sourceEndpointId(), task.destinationEndpointId()))) {
			UUID collectionId = (id != null) ? org.transferportal.globus.CanonicalUuid.parse(id) : null;
			if (collectionId == null) {
				continue;
			}
			try {
				Collection collection = transfer.collection(id);
				if (collection.requiresDataAccessScope()) {
					dataAccess.add(collectionId);
				}
				if (Boolean.TRUE.equals(collection.highAssurance())) {
					highAssurance = true;
					probe(transfer, id).ifPresent(sessions::add);
				}
			}
			catch (GlobusApiException ex) {
				// Unknown to the preflight: the trip asks for what the others need.
			}
		}
		List<String> scopes = dataAccess.isEmpty() ? List.of(GlobusScopes.TRANSFER)
				: List.of(GlobusScopes.transferWithDataAccess(dataAccess).toString());
		return this.consent.start(ConsentRoundTrip.RETURN_KIND, TaskPaths.task(taskId),
				merged(scopes, sessions, login || highAssurance));
	}

	/** What Globus asks of the session for a high-assurance collection, if anything. */
	private static Optional<AuthorizationParameters> probe(TransferClient transfer, String collectionId) {
		try {
			transfer.list(collectionId, new ListingQuery(null, false, null, List.of(), 1, 0, null));
			return Optional.empty();
		}
		catch (AuthorizationRequiredException ex) {
			return Optional.of(ex.parameters());
		}
		catch (GlobusApiException ex) {
			return Optional.empty();
		}
	}

	private static AuthorizationParameters merged(List<String> scopes, List<AuthorizationParameters> sessions,
			boolean login) {
		List<String> required = new ArrayList<>(scopes);
		List<String> identities = new ArrayList<>();
		List<String> domains = new ArrayList<>();
		List<String> policies = new ArrayList<>();
		boolean mfa = false;
		for (AuthorizationParameters session : sessions) {
			session.requiredScopes().stream().filter((s) -> !required.contains(s)).forEach(required::add);
			identities.addAll(session.sessionRequiredIdentities());
			domains.addAll(session.sessionRequiredSingleDomain());
			policies.addAll(session.sessionRequiredPolicies());
			mfa |= session.sessionRequiredMfa();
		}
		return new AuthorizationParameters(required,
				"Renew the portal's access so that Globus can go on with your task", identities, domains, policies, mfa,
				login ? "login" : null);
	}

}
