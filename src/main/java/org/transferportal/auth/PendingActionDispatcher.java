package org.transferportal.auth;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.transferportal.support.LocalPaths;

/**
 * Finds the handler of a pending action's kind; actions of kind
 * {@link ConsentRoundTrip#RETURN_KIND} just return to their local path.
 */
@Component
class PendingActionDispatcher {

	private final Map<String, PendingActionHandler> handlers;

	PendingActionDispatcher(List<PendingActionHandler> handlers) {
		this.handlers = handlers.stream().collect(Collectors.toMap(PendingActionHandler::kind, Function.identity()));
	}

	String resume(PendingAction action) {
		PendingActionHandler handler = this.handlers.get(action.kind());
		String path = (handler != null) ? handler.resume(action) : action.target();
		return LocalPaths.orElse(path, "/");
	}

	String abandoned(PendingAction action, String reason) {
		PendingActionHandler handler = this.handlers.get(action.kind());
		if (handler != null) {
			return LocalPaths.orElse(handler.abandoned(action, reason), "/");
		}
		String target = LocalPaths.orElse(action.target(), "/");
		return target + (target.contains("?") ? "&" : "?") + "consent=" + reason;
	}

}
