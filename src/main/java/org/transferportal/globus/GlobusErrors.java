package org.transferportal.globus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a Globus error answer into one exception of the error model.
 *
 * <p>
 * Transfer errors carry {@code code}, {@code message}, {@code request_id}; Auth errors
 * carry {@code error}, {@code error_description} and an {@code errors} array. Either may
 * be a Globus Auth requirement error (GARE). Bodies are read as text first because a 5xx
 * from a proxy may be HTML.
 */
final class GlobusErrors {

	private final JsonMapper json;

	GlobusErrors(JsonMapper json) {
		this.json = json;
	}

	GlobusException toException(int status, String body, String resource) {
		JsonNode node = readObject(body);
		if (node == null) {
			String message = "Globus answered HTTP " + status + " with a response the portal could not read";
			return (status == 401) ? unauthorized(status, "UnexpectedResponse", message, null, resource)
					: new GlobusApiException(status, "UnexpectedResponse", message, null, resource);
		}
		JsonNode firstAuthError = node.path("errors").path(0);
		// Timers wraps its errors in an object, {"error": {"code", "detail", "status"}}.
		JsonNode wrapped = node.path("error");
		String code = firstText(node, "code", "error").or(() -> firstText(wrapped, "code"))
			.orElseGet(() -> text(firstAuthError, "code"));
		String message = firstText(node, "message", "error_description", "detail")
			.or(() -> firstText(wrapped, "detail", "message"))
			.orElseGet(() -> firstText(firstAuthError, "detail", "title").orElse("Globus answered HTTP " + status));
		String validation = validationProblems(node.path("detail"));
		if (validation != null) {
			code = (code != null) ? code : "ValidationError";
			message = validation;
		}
		String requestId = firstText(node, "request_id").orElseGet(() -> text(firstAuthError, "id"));
		String where = firstText(node, "resource").orElse(resource);

		AuthorizationParameters gare = authorizationParameters(node, code, message);
		if (gare != null) {
			String gareCode = (code != null && !"dependent_consent_required".equals(code)) ? code
					: (gare.requiredScopes().isEmpty() ? "AuthorizationRequired" : "ConsentRequired");
			return new AuthorizationRequiredException(status, gareCode, message, requestId, where, gare);
		}
		// Globus Auth answers a dead refresh token with invalid_grant: 401 per its
		// fixtures, 400 per RFC 6749 section 5.2. Either way the user must log in again.
		if (status == 401 || "invalid_grant".equals(code)) {
			return unauthorized(status, code, message, requestId, where);
		}
		return new GlobusApiException(status, code, message, requestId, where);
	}

	private GlobusUnauthorizedException unauthorized(int status, String code, String message, String requestId,
			String resource) {
		return new GlobusUnauthorizedException(status, (code != null) ? code : "AuthenticationFailed", message,
				requestId, resource);
	}

	/**
	 * Finds authorization parameters in the shapes Globus uses: the canonical GARE, the
	 * legacy top-level {@code ConsentRequired}, and Auth's
	 * {@code dependent_consent_required}. Returns {@code null} when the body is none of
	 * these.
	 */
	static AuthorizationParameters authorizationParameters(JsonNode node, String code, String message) {
		JsonNode params = node.path("authorization_parameters");
		if (params.isObject()) {
			List<String> scopes = strings(params.path("required_scopes"));
			if (scopes.isEmpty()) {
				scopes = strings(node.path("required_scopes"));
			}
			String sessionMessage = firstText(params, "session_message").orElse(message);
			return new AuthorizationParameters(scopes, sessionMessage,
					strings(params.path("session_required_identities")),
					strings(params.path("session_required_single_domain")),
					strings(params.path("session_required_policies")),
					params.path("session_required_mfa").asBoolean(false), text(params, "prompt"));
		}
		List<String> topLevelScopes = strings(node.path("required_scopes"));
		if ("ConsentRequired".equals(code) && !topLevelScopes.isEmpty()) {
			return AuthorizationParameters.scopes(topLevelScopes, message);
		}
		if ("dependent_consent_required".equals(code)) {
			List<String> unapproved = new ArrayList<>();
			node.path("errors").forEach((error) -> unapproved.addAll(strings(error.path("unapproved_scopes"))));
			if (!unapproved.isEmpty()) {
				return AuthorizationParameters.scopes(unapproved, message);
			}
		}
		return null;
	}

	/**
	 * The problems of a FastAPI validation answer (Timers' 422), e.g.
	 * {@code {"detail": [{"loc": ["body", "timer", "schedule", "start"], "msg": "field
	 * required"}]}}, as {@code schedule.start: field required}; {@code null} for any
	 * other shape.
	 */
	private static String validationProblems(JsonNode detail) {
		if (!detail.isArray() || detail.isEmpty()) {
			return null;
		}
		List<String> problems = new ArrayList<>();
		detail.forEach((problem) -> {
			List<String> where = new ArrayList<>();
			problem.path("loc").forEach((part) -> {
				String name = part.asString("");
				if (!name.isEmpty() && !"body".equals(name) && !"timer".equals(name)) {
					where.add(name);
				}
			});
			String msg = problem.path("msg").asString("invalid");
			problems.add(where.isEmpty() ? msg : String.join(".", where) + ": " + msg);
		});
		return "Globus refused the request: " + String.join("; ", problems);
	}

	private JsonNode readObject(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A list given either as a JSON array of strings or as one comma-separated string.
	 */
	static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((item) -> {
				if (item.isString() && !item.asString().isBlank()) {
					values.add(item.asString().trim());
				}
			});
		}
		else if (node.isString()) {
			Arrays.stream(node.asString().split(","))
				.map(String::trim)
				.filter((s) -> !s.isEmpty())
				.forEach(values::add);
		}
		return values;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() || value.isNumber()) ? value.asString() : null;
	}

	private static Optional<String> firstText(JsonNode node, String... fields) {
		for (String field : fields) {
			String value = text(node, field);
			if (value != null && !value.isBlank()) {
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

}
