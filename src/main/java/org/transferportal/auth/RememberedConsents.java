package org.transferportal.auth;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import org.transferportal.globus.Scope;

/**
 * Finishes the trip that renews remembered consents after a login; if Globus refuses them
 * (a collection that no longer exists, a consent revoked in Globus), forgets them, so
 * that the next login does not try again.
 */
@Component
class RememberedConsents implements PendingActionHandler {

	static final String KIND = "remembered";

	private static final Log logger = LogFactory.getLog(RememberedConsents.class);

	private final ConsentMemory memory;

	RememberedConsents(ConsentMemory memory) {
		this.memory = memory;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String resume(PendingAction action) {
		return action.target();
	}

	@Override
	public String abandoned(PendingAction action, String reason) {
		List<String> dependents = new ArrayList<>();
		action.parameters()
			.requiredScopes()
			.forEach((s) -> Scope.parse(s)
				.forEach((root) -> dependents.addAll(root.names().subList(1, root.names().size()))));
		logger.info(
				"Globus did not renew " + dependents.size() + " remembered consents (" + reason + "); forgetting them");
		this.memory.forget(action.subject(), dependents);
		return action.target();
	}

}
