package org.transferportal.globus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.transferportal.globus.GlobusFixtures.RecordingSleeper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.transferportal.globus.GlobusFixtures.json;

/**
 * Globus Auth calls against WireMock: client authentication, form bodies, and parsing.
 */
class AuthClientTests {

	private static final String IDENTITY = "ae332d86-d274-11e5-b885-b31714a110e9";

	private static final String BASIC = "Basic " + Base64.getEncoder()
		.encodeToString(
				(GlobusFixtures.CLIENT_ID + ":" + GlobusFixtures.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

	@RegisterExtension
	static final GlobusServer server = new GlobusServer();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private AuthClient client() {
		return GlobusFixtures.clients(GlobusFixtures.properties(server), this.sleeper).auth();
	}

	@Test
	void refreshPostsAFormWithHttpBasicClientAuthentication() {
		server.stubFor(post("/v2/oauth2/token").willReturn(json(200, "auth/token_refresh.json")));

		TokenResponse token = client().refresh("AgXferRefresh/0123+==&x");

		server.verify(postRequestedFor(urlPathEqualTo("/v2/oauth2/token")).withHeader("Authorization", equalTo(BASIC))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
			.withFormParam("grant_type", equalTo("refresh_token"))
			.withFormParam("refresh_token", equalTo("AgXferRefresh/0123+==&x")));
		String body = server.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(body).isEqualTo("grant_type=refresh_token&refresh_token=AgXferRefresh%2F0123%2B%3D%3D%26x");
		assertThat(token.accessToken()).isEqualTo("AgXferTokNew0123456789");
		assertThat(token.tokenType()).isEqualTo("Bearer");
		assertThat(token.expiresIn()).isEqualTo(172800L);
		assertThat(token.scope()).isEqualTo(GlobusScopes.TRANSFER);
		assertThat(token.resourceServer()).isEqualTo(GlobusScopes.TRANSFER_RESOURCE_SERVER);
		assertThat(token.refreshToken()).isEqualTo("AgXferRefresh0123456789");
		assertThat(token.otherTokens()).isEmpty();
		assertThat(token.all()).containsExactly(token);
	}

	@Test
	void refreshReadsOtherTokensByResourceServer() {
		server.stubFor(post("/v2/oauth2/token").willReturn(json(200, "auth/token_with_other_tokens.json")));

		TokenResponse token = client().refresh("r");

		assertThat(token.all()).extracting(TokenResponse::resourceServer)
			.containsExactly(GlobusScopes.AUTH_RESOURCE_SERVER, GlobusScopes.TRANSFER_RESOURCE_SERVER);
		TokenResponse transfer = token.otherTokens().get(0);
		assertThat(transfer.accessToken()).isEqualTo("AgXferTok0123");
		assertThat(transfer.refreshToken()).isEqualTo("AgXferRefresh0123");
		assertThat(transfer.otherTokens()).isEmpty();
	}

	@Test
	void refreshWithADeadRefreshTokenIsUnauthorized() {
		server.stubFor(post("/v2/oauth2/token").willReturn(json(401, "auth/invalid_grant.json")));

		GlobusUnauthorizedException ex = catchThrowableOfType(GlobusUnauthorizedException.class,
				() -> client().refresh("dead"));

		assertThat(ex.status()).isEqualTo(401);
		assertThat(ex.code()).isEqualTo("invalid_grant");
		assertThat(ex.resource()).isEqualTo("/v2/oauth2/token");
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void refreshAnsweredWithRfcStyle400InvalidGrantIsUnauthorized() {
		server.stubFor(post("/v2/oauth2/token").willReturn(json(400, "auth/invalid_grant.json")));

		GlobusUnauthorizedException ex = catchThrowableOfType(GlobusUnauthorizedException.class,
				() -> client().refresh("dead"));

		assertThat(ex.status()).isEqualTo(400);
	}

	@Test
	void refreshThatNeedsDependentConsentIsAConsentError() {
		server.stubFor(post("/v2/oauth2/token").willReturn(json(403, "auth/dependent_consent_required.json")));

		AuthorizationRequiredException ex = catchThrowableOfType(AuthorizationRequiredException.class,
				() -> client().refresh("r"));

		assertThat(ex.isConsentRequired()).isTrue();
		assertThat(ex.parameters().requiredScopes())
			.containsExactly("https://auth.globus.org/scopes/1405823f-0597-4a16-b296-46d4f0ae4b15/data_access");
	}

	@Test
	void refreshIsRetriedAfterAServerError() {
		server.stubFor(post("/v2/oauth2/token").inScenario("refresh")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("up")
			.willReturn(aResponse().withStatus(503)));
		server.stubFor(post("/v2/oauth2/token").inScenario("refresh")
			.whenScenarioStateIs("up")
			.willReturn(json(200, "auth/token_refresh.json")));

		assertThat(client().refresh("r").accessToken()).isEqualTo("AgXferTokNew0123456789");
		server.verify(2,
				postRequestedFor(urlPathEqualTo("/v2/oauth2/token")).withFormParam("refresh_token", equalTo("r")));
		assertThat(this.sleeper.waits).hasSize(1);
	}

	@Test
	void revokePostsTheTokenWithHttpBasicClientAuthentication() {
		server.stubFor(post("/v2/oauth2/token/revoke").willReturn(json(200, "auth/revoke.json")));

		client().revoke("AgXferTok 0123+");

		server.verify(
				postRequestedFor(urlPathEqualTo("/v2/oauth2/token/revoke")).withHeader("Authorization", equalTo(BASIC))
					.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
					.withFormParam("token", equalTo("AgXferTok 0123+")));
	}

	@Test
	void userInfoSendsTheAuthTokenAndReadsTheClaims() {
		server.stubFor(get("/v2/oauth2/userinfo").willReturn(json(200, "auth/userinfo.json")));

		Map<String, Object> claims = client().userInfo("AgAuthTok0123");

		server.verify(getRequestedFor(urlPathEqualTo("/v2/oauth2/userinfo")).withHeader("Authorization",
				equalTo("Bearer AgAuthTok0123")));
		assertThat(claims).containsEntry("sub", IDENTITY)
			.containsEntry("preferred_username", "alice@globusid.org")
			.containsEntry("email", "alice@example.org")
			.containsKey("identity_set");
		assertThat((List<?>) claims.get("identity_set")).hasSize(1);
	}

	@Test
	void userInfoWithARefusedTokenIsUnauthorizedWithAuthsRequestId() {
		server.stubFor(get("/v2/oauth2/userinfo").willReturn(json(401, "auth/error_unauthorized.json")));

		GlobusUnauthorizedException ex = catchThrowableOfType(GlobusUnauthorizedException.class,
				() -> client().userInfo("bad"));

		assertThat(ex.status()).isEqualTo(401);
		assertThat(ex.code()).isEqualTo("unauthorized");
		assertThat(ex.getMessage()).isEqualTo("Unauthorized");
		assertThat(ex.requestId()).isEqualTo("b3f1a7d2-6c1e-4a55-9a0e-2f4c1d9e8b77");
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void consentsReadsTheDependencyPaths() {
		server.stubFor(get("/v2/api/identities/" + IDENTITY + "/consents").willReturn(json(200, "auth/consents.json")));

		List<Consent> consents = client().consents(IDENTITY, "AgAuthTok0123");

		server.verify(getRequestedFor(urlPathEqualTo("/v2/api/identities/" + IDENTITY + "/consents"))
			.withHeader("Authorization", equalTo("Bearer AgAuthTok0123")));
		assertThat(consents).hasSize(2);
		Consent transfer = consents.get(0);
		assertThat(transfer.id()).isEqualTo(142632L);
		assertThat(transfer.scopeName()).isEqualTo(GlobusScopes.TRANSFER);
		assertThat(transfer.dependencyPath()).containsExactly(142632L);
		assertThat(transfer.status()).isEqualTo("approved");
		assertThat(transfer.client()).isEqualTo("4d2a3f10-7c33-4c3a-9b7a-2d8e6f1c0b55");
		assertThat(transfer.created()).startsWith("2024-01-02T03:04:05");
		assertThat(transfer.atomicallyRevocable()).isFalse();
		Consent dataAccess = consents.get(1);
		assertThat(GlobusScopes.dataAccessCollection(dataAccess.scopeName()))
			.hasToString("1405823f-0597-4a16-b296-46d4f0ae4b15");
		assertThat(dataAccess.dependencyPath()).containsExactly(142632L, 433892L);
		assertThat(dataAccess.lastUsed()).isNull();
		assertThat(dataAccess.atomicallyRevocable()).isTrue();
	}

	@Test
	void consentsAskedWithTheUsersTokenProviderRefreshTheTokenOnceWhenGlobusRefusesIt() {
		String path = "/v2/api/identities/" + IDENTITY + "/consents";
		server.stubFor(get(path).withHeader("Authorization", equalTo("Bearer AgAuthTokOld"))
			.willReturn(json(401, "auth/error_unauthorized.json")));
		server.stubFor(get(path).withHeader("Authorization", equalTo("Bearer AgAuthTokNew"))
			.willReturn(json(200, "auth/consents.json")));
		GlobusFixtures.Tokens tokens = new GlobusFixtures.Tokens("AgAuthTokOld", "AgAuthTokNew");

		List<Consent> consents = client().consents(IDENTITY, tokens);

		assertThat(consents).hasSize(2);
		assertThat(tokens.refreshes).isEqualTo(1);
	}

	@Test
	void consentsOfAnotherIdentityIsForbidden() {
		server.stubFor(
				get("/v2/api/identities/" + IDENTITY + "/consents").willReturn(json(403, "auth/error_forbidden.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().consents(IDENTITY, "t"));

		assertThat(ex.status()).isEqualTo(403);
		assertThat(ex.code()).isEqualTo("forbidden");
		assertThat(ex.requestId()).isEqualTo("c4a2b8e3-7d2f-4b66-8b1f-3a5d2e0f9c88");
	}

	@Test
	void truncatedTokenAnswerIsAnUnexpectedResponse() {
		server.stubFor(post("/v2/oauth2/token")
			.willReturn(aResponse().withStatus(200).withBody("{\"access_token\": \"AgXfer")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().refresh("r"));

		assertThat(ex.code()).isEqualTo("UnexpectedResponse");
		assertThat(ex.status()).isEqualTo(200);
	}

}
