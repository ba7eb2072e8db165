package org.transferportal.globus;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Reads Globus Auth's token-endpoint errors for Spring Security's code exchange. Spring
 * reads the OAuth error only from a 400 answer; Globus sends {@code invalid_grant} with
 * 401 too (as in Globus's SDK fixtures), which Spring would report as an unreadable
 * {@code invalid_token_response}. Here any error answer whose body names an OAuth error
 * is that error.
 */
final class TokenEndpointErrors implements ResponseErrorHandler {

	/** Spring Security's code for a token answer it could not use. */
	static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	private final JsonMapper json;

	TokenEndpointErrors(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean hasError(ClientHttpResponse response) throws IOException {
		return response.getStatusCode().isError();
	}

	@Override
	public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		String body = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
		JsonNode error = parse(body);
		String code = error.path("error").asString("");
		if (code.matches("[A-Za-z0-9_.-]{1,64}")) {
			String description = error.path("error_description").asString(null);
			throw new OAuth2AuthorizationException(new OAuth2Error(code, description, null));
		}
		throw new OAuth2AuthorizationException(new OAuth2Error(INVALID_TOKEN_RESPONSE,
				"Globus Auth answered the code exchange with HTTP " + status, null));
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			// An HTML error page from a proxy, or nothing at all.
			return this.json.createObjectNode();
		}
	}

}
