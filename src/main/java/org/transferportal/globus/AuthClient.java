package org.transferportal.globus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import org.transferportal.globus.GlobusHttp.Answer;
import org.transferportal.globus.GlobusHttp.Retry;

/**
 * Globus Auth calls the portal makes as a confidential client: refresh and revoke tokens,
 * read userinfo and the user's consents. (Login itself goes through Spring Security.)
 */
public final class AuthClient {

	private final GlobusHttp http;

	private final GlobusHttp consentsHttp;

	private final JsonMapper json;

	private final GlobusProperties properties;

	/**
	 * @param consentsHttp for the consents, which a preflight waits on and can do
	 * without: short timeouts
	 */
	AuthClient(GlobusHttp http, GlobusHttp consentsHttp, JsonMapper json, GlobusProperties properties) {
		this.http = http;
		this.consentsHttp = consentsHttp;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Exchanges a refresh token for a new access token of the same resource server.
	 * @throws GlobusUnauthorizedException if Globus no longer accepts the refresh token
	 */
	public TokenResponse refresh(String refreshToken) {
		String form = "grant_type=refresh_token&refresh_token=" + encode(refreshToken);
		URI uri = uri("/v2/oauth2/token");
		return this.http.read(sendForm("auth.oauth2_refresh_token", uri, form, Retry.SAFE), uri, TokenResponse.class);
	}

	/** Revokes a token (access or refresh) at Globus. */
	public void revoke(String token) {
		sendForm("auth.oauth2_revoke_token", uri("/v2/oauth2/token/revoke"), "token=" + encode(token), Retry.SAFE);
	}

	/** The OIDC userinfo of the holder of an auth.globus.org token. */
	public Map<String, Object> userInfo(String authToken) {
		URI uri = uri("/v2/oauth2/userinfo");
		Answer answer = this.http.exchange("auth.oauth2_userinfo", HttpMethod.GET, uri, null, Retry.SAFE,
				(headers) -> headers.setBearerAuth(authToken));
		return this.http.read(answer, uri, Map.class);
	}

	/**
	 * The consents the identity gave this client, with their dependency paths ({@code GET
	 * /v2/api/identities/{id}/consents}, with the identity's own {@code auth.globus.org}
	 * token).
	 */
	public List<Consent> consents(String identityId, String authToken) {
		return readConsents(identityId, () -> authToken);
	}

	/**
	 * Like {@link #consents(String, String)}, with a token that is refreshed once if
	 * Globus refuses it, as Transfer calls do.
	 */
	public List<Consent> consents(String identityId, AccessTokenProvider authTokens) {
		try {
			return readConsents(identityId, authTokens::accessToken);
		}
		catch (GlobusUnauthorizedException ex) {
			String refreshed = authTokens.refreshAccessToken();
			return readConsents(identityId, () -> refreshed);
		}
	}

	private List<Consent> readConsents(String identityId, Supplier<String> token) {
		URI uri = UriComponentsBuilder.fromUriString(this.properties.authBaseUrl() + "/v2/api/identities/{id}/consents")
			.encode()
			.buildAndExpand(identityId)
			.toUri();
		Answer answer = this.consentsHttp.exchange("auth.get_consents", HttpMethod.GET, uri, null, Retry.SAFE,
				(headers) -> headers.setBearerAuth(token.get()));
		JsonNode consents = this.consentsHttp.read(answer, uri, JsonNode.class).path("consents");
		return consents.isArray() ? List.of(this.json.treeToValue(consents, Consent[].class)) : List.of();
	}

	private Answer sendForm(String operation, URI uri, String form, Retry retry) {
		return this.http.sendForm(operation, uri, form, retry, this::clientAuthentication);
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
