package org.transferportal.globus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import org.transferportal.globus.GlobusHttp.Retry;

/**
 * Globus Auth calls the portal makes as a confidential client: refresh and revoke tokens,
 * read userinfo and the user's consents. (Login itself goes through Spring Security.)
 */
public final class AuthClient {

	private final GlobusHttp http;

	private final JsonMapper json;

	private final GlobusProperties properties;

	AuthClient(GlobusHttp http, JsonMapper json, GlobusProperties properties) {
		this.http = http;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Exchanges a refresh token for a new access token of the same resource server.
	 * @throws GlobusUnauthorizedException if Globus no longer accepts the refresh token
	 */
	public TokenResponse refresh(String refreshToken) {
		String form = "grant_type=refresh_token&refresh_token=" + encode(refreshToken);
		String answer = sendForm("/v2/oauth2/token", form, Retry.SAFE);
		return this.json.readValue(answer, TokenResponse.class);
	}

	/** Revokes a token (access or refresh) at Globus. */
	public void revoke(String token) {
		sendForm("/v2/oauth2/token/revoke", "token=" + encode(token), Retry.SAFE);
	}

	/** The OIDC userinfo of the holder of an auth.globus.org token. */
	public Map<String, Object> userInfo(String authToken) {
		String answer = this.http.send(HttpMethod.GET, uri("/v2/oauth2/userinfo"), null, Retry.SAFE,
				(headers) -> headers.setBearerAuth(authToken));
		return this.json.readValue(answer, Map.class);
	}

	/** The consents the identity gave, with their dependency paths. */
	public List<Consent> consents(String identityId, String authToken) {
		URI uri = UriComponentsBuilder.fromUriString(this.properties.authBaseUrl() + "/v2/api/identities/{id}/consents")
			.encode()
			.buildAndExpand(identityId)
			.toUri();
		String answer = this.http.send(HttpMethod.GET, uri, null, Retry.SAFE,
				(headers) -> headers.setBearerAuth(authToken));
		JsonNode consents = this.json.readTree(answer).path("consents");
		return List.of(this.json.treeToValue(consents, Consent[].class));
	}

	private String sendForm(String path, String form, Retry retry) {
		return this.http.sendForm(uri(path), form, retry, this::clientAuthentication);
	}

	// Sent as they are, as Globus's own SDK does: Globus secrets are base64 text
	// and must not be form-encoded first.
	private void clientAuthentication(HttpHeaders headers) {
		headers.setBasicAuth(this.properties.clientId(), this.properties.clientSecret(), StandardCharsets.UTF_8);
	}

	private URI uri(String path) {
		return URI.create(this.properties.authBaseUrl() + path);
	}

	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}
