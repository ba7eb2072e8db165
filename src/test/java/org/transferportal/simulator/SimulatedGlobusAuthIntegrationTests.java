package org.transferportal.simulator;

import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.simulator.SimulatedGlobusBrowser.TRANSFER_ALL;
import static org.transferportal.simulator.SimulatedGlobusBrowser.dataAccess;
import static org.transferportal.simulator.SimulatedGlobusBrowser.json;
import static org.transferportal.simulator.SimulatedGlobusBrowser.tokenFor;

/**
 * Contract tests of the simulated Globus Auth over HTTP (reference §1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "simulator.enabled=true",
		"simulator.time-acceleration=40", "simulator.faults[0]=POST /delete:502:1" })
class SimulatedGlobusAuthIntegrationTests {

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String ARCHIVE = "313ce13e-b597-5858-ae13-29e46fea26e6";

	@LocalServerPort
	int port;

	@Autowired
	SimulatorProperties simulator;

	SimulatedGlobusBrowser browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new SimulatedGlobusBrowser(this.port, this.simulator);
	}

	@Test
	void discoveryNamesTheIssuerEndpointsAndRs512WithAKeyWithoutKid() {
		JsonNode doc = json(this.browser.get("/simulator/auth/.well-known/openid-configuration", null));
		String issuer = "http://localhost:" + this.port + "/simulator/auth";
		assertThat(doc.path("issuer").asString()).isEqualTo(issuer);
		assertThat(doc.path("authorization_endpoint").asString()).isEqualTo(issuer + "/v2/oauth2/authorize");
		assertThat(doc.path("token_endpoint").asString()).isEqualTo(issuer + "/v2/oauth2/token");
		assertThat(doc.path("jwks_uri").asString()).isEqualTo(issuer + "/jwk.json");
		assertThat(doc.path("id_token_signing_alg_values_supported").get(0).asString()).isEqualTo("RS512");
		assertThat(doc.path("token_endpoint_auth_methods_supported").get(0).asString())
			.isEqualTo("client_secret_basic");
		JsonNode key = json(this.browser.get("/simulator/auth/jwk.json", null)).path("keys").get(0);
		assertThat(key.path("alg").asString()).isEqualTo("RS512");
		assertThat(key.path("kty").asString()).isEqualTo("RSA");
		assertThat(key.has("kid")).as("Globus's JWK set names no kid").isFalse();
	}

	@Test
	void fullFlowWithPkceIssuesSingleUseCodesAndChecksTheVerifier() {
		// a scope tree no other test consents to, so the consent page shows
		Map<String, String> params = Map.of("scope",
				"openid profile email " + TRANSFER_ALL + "[*" + dataAccess(ARCHIVE) + "]", "code_challenge",
				SimulatedGlobusBrowser.s256("v".repeat(60)), "code_challenge_method", "S256");
		HttpResponse<String> login = this.browser.authorize(params);
		assertThat(login.body()).contains("Simulated Globus — demo only", "id=\"identity-alice\"",
				"id=\"identity-bob\"", "id=\"identity-carol\"");
		HttpResponse<String> consent = this.browser.pressIdentity("alice");
		assertThat(consent.body()).contains("id=\"allow\"", "id=\"decline\"", "Globus Transfer",
				"Access data on collection Archive (mapped)");
		Map<String, String> redirect = SimulatedGlobusBrowser.redirectParams(this.browser.press("allow"));
		assertThat(redirect).containsEntry("state", "state-123");
		assertThat(this.browser.exchange(redirect.get("code"), "v".repeat(60)).statusCode()).isEqualTo(200);
		HttpResponse<String> reused = this.browser.exchange(redirect.get("code"), "v".repeat(60));
		assertThat(reused.statusCode()).isEqualTo(401);
		assertThat(json(reused).path("error").asString()).isEqualTo("invalid_grant");

		// remembered session and consent: straight back with a code
		Map<String, String> again = SimulatedGlobusBrowser.redirectParams(this.browser.authorize(params));
		assertThat(this.browser.exchange(again.get("code"), "wrong-verifier").statusCode()).isEqualTo(401);
	}

	@Test
	void tokenResponseHasTheGlobusShapeAndAVerifiableIdToken() throws Exception {
		JsonNode tokens = this.browser.login("alice", "openid profile email " + TRANSFER_ALL,
				Map.of("access_type", "offline"));
		assertThat(tokens.path("resource_server").asString()).isEqualTo("auth.globus.org");
		assertThat(tokens.path("scope").asString()).isEqualTo("openid profile email");
		assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(tokens.path("expires_in").asLong()).isEqualTo(172800);
		assertThat(tokens.path("refresh_token").asString()).isNotBlank();
		assertThat(tokens.path("state").asString()).isEqualTo("state-123");
		JsonNode transfer = tokens.path("other_tokens").get(0);
		assertThat(tokens.path("other_tokens")).hasSize(1);
		assertThat(transfer.path("resource_server").asString()).isEqualTo("transfer.api.globus.org");
		assertThat(transfer.path("scope").asString()).isEqualTo(TRANSFER_ALL);
		assertThat(transfer.path("refresh_token").asString()).isNotBlank();
		assertThat(transfer.has("id_token")).isFalse();

		SignedJWT idToken = SignedJWT.parse(tokens.path("id_token").asString());
		JWKSet jwks = JWKSet.parse(this.browser.get("/simulator/auth/jwk.json", null).body());
		RSAKey key = (RSAKey) jwks.getKeys().get(0);
		assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS512);
		// Globus's header is {"typ":"JWT","alg":"RS512"} and its aud a plain string
		assertThat(idToken.getHeader().getKeyID()).isNull();
		assertThat(idToken.getHeader().getType().getType()).isEqualTo("JWT");
		JsonNode payload = SimulatedGlobusBrowser.JSON.readTree(idToken.getPayload().toString());
		assertThat(payload.path("aud").isString()).as(payload.toString()).isTrue();
		assertThat(idToken.verify(new RSASSAVerifier((RSAPublicKey) key.toPublicKey()))).isTrue();
		var claims = idToken.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("http://localhost:" + this.port + "/simulator/auth");
		assertThat(claims.getSubject()).isEqualTo("ae332d86-d274-11e5-b885-b31714a110e9");
		assertThat(claims.getAudience()).containsExactly(this.simulator.clientId());
		assertThat(claims.getStringClaim("nonce")).isEqualTo("nonce-42");
		assertThat(claims.getStringClaim("preferred_username")).isEqualTo("alice@globusid.org");
		assertThat(claims.getStringClaim("name")).isEqualTo("Alice Researcher");
		assertThat(claims.getStringClaim("at_hash")).isNotBlank();
		assertThat(claims.getClaim("identity_set")).as("only with the view_identity_set scope").isNull();
	}

	@Test
	void theViewIdentitySetScopeAddsTheLinkedIdentitiesToTheIdToken() throws Exception {
		JsonNode tokens = this.browser.login("bob",
				"openid profile email urn:globus:auth:scope:auth.globus.org:view_identity_set " + TRANSFER_ALL,
				Map.of("access_type", "offline"));
		var claims = SignedJWT.parse(tokens.path("id_token").asString()).getJWTClaimsSet();
		assertThat(claims.getClaim("identity_set")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSizeGreaterThan(1)
			.allSatisfy((identity) -> assertThat(identity.toString()).contains("sub=").contains("username="));
	}

	@Test
	void onlyTheIdentityOfTheSessionHasALastAuthenticationInTheIdentitySet() throws Exception {
		JsonNode tokens = this.browser.login("bob",
				"openid profile email urn:globus:auth:scope:auth.globus.org:view_identity_set " + TRANSFER_ALL,
				Map.of());
		JsonNode payload = SimulatedGlobusBrowser.JSON
			.readTree(SignedJWT.parse(tokens.path("id_token").asString()).getPayload().toString());
		Map<String, JsonNode> byUsername = new java.util.HashMap<>();
		payload.path("identity_set")
			.forEach((identity) -> byUsername.put(identity.path("username").asString(), identity));
		assertThat(byUsername.get("bob@uchicago.edu").path("last_authentication").isNumber()).isTrue();
		assertThat(byUsername.get("bob@globusid.org").path("last_authentication").isNull()).isTrue();
	}

	@Test
	void offlineAccessIsNotAScopeGlobusKnows() {
		Map<String, String> redirect = SimulatedGlobusBrowser
			.redirectParams(this.browser.authorize(Map.of("scope", "openid offline_access")));
		assertThat(redirect).containsEntry("error", "invalid_scope");
	}

	@Test
	void withoutOfflineAccessNoRefreshTokensAreIssued() {
		JsonNode tokens = this.browser.login("carol", "openid " + TRANSFER_ALL, Map.of());
		assertThat(tokens.has("refresh_token")).isFalse();
		assertThat(tokenFor(tokens, "transfer.api.globus.org").has("refresh_token")).isFalse();
	}

	@Test
	void refreshGivesANewTokenForThatResourceServerOnly() {
		JsonNode tokens = this.browser.login("alice", "openid " + TRANSFER_ALL + "[*" + dataAccess(TUTORIAL_1) + "]",
				Map.of("access_type", "offline"));
		JsonNode transfer = tokenFor(tokens, "transfer.api.globus.org");
		HttpResponse<String> refreshed = this.browser.postForm("/simulator/auth/v2/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", transfer.path("refresh_token").asString()),
				this.simulatorClient());
		JsonNode body = json(refreshed);
		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(body.path("resource_server").asString()).isEqualTo("transfer.api.globus.org");
		assertThat(body.path("scope").asString()).isEqualTo(TRANSFER_ALL);
		assertThat(body.path("other_tokens")).isEmpty();
		assertThat(body.path("access_token").asString()).isNotEqualTo(transfer.path("access_token").asString());
		// the refreshed token keeps the data_access dependent scope
		String newToken = body.path("access_token").asString();
		assertThat(this.browser.get("/simulator/transfer/v0.10/operation/endpoint/" + TUTORIAL_1 + "/ls", newToken)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void tokenEndpointRejectsWrongClientAndUnknownCode() {
		HttpResponse<String> wrongClient = this.browser.postForm("/simulator/auth/v2/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", "x"),
				SimulatedGlobusBrowser.basic("someone", "else"));
		assertThat(wrongClient.statusCode()).isEqualTo(401);
		assertThat(json(wrongClient).path("error").asString()).isEqualTo("invalid_client");
		HttpResponse<String> badCode = this.browser.exchange("no-such-code", null);
		assertThat(badCode.statusCode()).isEqualTo(401);
		assertThat(json(badCode).path("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void revokedTokensStopWorking() {
		JsonNode tokens = this.browser.login("alice", "openid " + TRANSFER_ALL, Map.of());
		String authToken = tokens.path("access_token").asString();
		assertThat(this.browser.get("/simulator/auth/v2/oauth2/userinfo", authToken).statusCode()).isEqualTo(200);
		HttpResponse<String> revoke = this.browser.postForm("/simulator/auth/v2/oauth2/token/revoke",
				Map.of("token", authToken), this.simulatorClient());
		assertThat(json(revoke).path("active").asBoolean(true)).isFalse();
		HttpResponse<String> userinfo = this.browser.get("/simulator/auth/v2/oauth2/userinfo", authToken);
		assertThat(userinfo.statusCode()).isEqualTo(401);
		assertThat(json(userinfo).path("errors").get(0).path("code").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void userinfoRefusesATransferToken() {
		String transferToken = this.browser.transferToken("alice", "openid " + TRANSFER_ALL);
		HttpResponse<String> userinfo = this.browser.get("/simulator/auth/v2/oauth2/userinfo", transferToken);
		assertThat(userinfo.statusCode()).isEqualTo(401);
		assertThat(json(userinfo).path("error").asString()).isEqualTo("unauthorized");
	}

	@Test
	void consentIsRememberedSoASecondAuthorizationSkipsThePage() {
		String scope = "openid " + TRANSFER_ALL + "[*" + dataAccess(TUTORIAL_1) + "]";
		this.browser.login("bob", scope, Map.of());
		HttpResponse<String> second = this.browser.authorize(Map.of("scope", scope));
		assertThat(SimulatedGlobusBrowser.redirectParams(second)).containsKey("code");
		HttpResponse<String> forced = this.browser.authorize(Map.of("scope", scope, "prompt", "login"));
		assertThat(SimulatedGlobusBrowser.isLoginPage(forced)).isTrue();
	}

	@Test
	void consentsApiShowsDataAccessUnderTheTransferConsent() {
		JsonNode tokens = this.browser.login("carol", "openid " + TRANSFER_ALL + "[*" + dataAccess(TUTORIAL_1) + "]",
				Map.of());
		JsonNode consents = json(
				this.browser.get("/simulator/auth/v2/api/identities/ca401c0a-3e5b-4c6d-8e7f-9a0b1c2d3e4f/consents",
						tokens.path("access_token").asString()))
			.path("consents");
		JsonNode transfer = null;
		JsonNode data = null;
		for (JsonNode consent : consents) {
			if (consent.path("scope_name").asString().equals(TRANSFER_ALL)) {
				transfer = consent;
			}
			if (consent.path("scope_name").asString().equals(dataAccess(TUTORIAL_1))) {
				data = consent;
			}
		}
		assertThat(transfer).isNotNull();
		assertThat(data).isNotNull();
		assertThat(data.path("dependency_path").get(0).asLong()).isEqualTo(transfer.path("id").asLong());
		assertThat(data.path("atomically_revocable").asBoolean()).isTrue();
	}

	@Test
	void declineRedirectsBackWithAccessDenied() {
		this.browser.authorize(Map.of("scope", "openid email " + TRANSFER_ALL + "[*" + dataAccess(ARCHIVE) + "]"));
		this.browser.pressIdentity("carol");
		Map<String, String> redirect = SimulatedGlobusBrowser.redirectParams(this.browser.press("decline"));
		assertThat(redirect).containsEntry("error", "access_denied").containsEntry("state", "state-123");
	}

	@Test
	void unknownOrForbiddenScopesRedirectWithInvalidScope() {
		String guest = "aa752cea-8222-5bc8-acd9-555b090c0ccb";
		for (String scope : List.of("openid bogus:scope", TRANSFER_ALL + "[*" + dataAccess(guest) + "]",
				TRANSFER_ALL + "[unclosed")) {
			Map<String, String> redirect = SimulatedGlobusBrowser
				.redirectParams(this.browser.authorize(Map.of("scope", scope)));
			assertThat(redirect).as(scope).containsEntry("error", "invalid_scope");
		}
	}

	@Test
	void badRedirectUriOrClientGetsAnErrorPageNotARedirect() {
		HttpResponse<String> badRedirect = this.browser
			.authorize(Map.of("scope", "openid", "redirect_uri", "https://evil.example/callback"));
		assertThat(badRedirect.statusCode()).isEqualTo(400);
		assertThat(badRedirect.body()).contains("Simulated Globus — demo only");
		// the portal's callback path on another host is not the portal's redirect URI
		HttpResponse<String> otherHost = this.browser.authorize(
				Map.of("scope", "openid", "redirect_uri", "https://portal.example.org/login/oauth2/code/globus"));
		assertThat(otherHost.statusCode()).isEqualTo(400);
		assertThat(otherHost.headers().firstValue("Location")).isEmpty();
		HttpResponse<String> badClient = this.browser.authorize(Map.of("scope", "openid", "client_id", "nope"));
		assertThat(badClient.statusCode()).isEqualTo(400);
	}

	@Test
	void sessionRequirementsOfferOnlyQualifyingIdentitiesAndShowTheMessage() {
		HttpResponse<String> page = this.browser
			.authorize(Map.of("scope", "openid " + TRANSFER_ALL, "session_required_single_domain", "uchicago.edu",
					"session_message", "Use <your> UChicago login", "prompt", "login"));
		assertThat(page.body()).contains("id=\"identity-bob\"")
			.doesNotContain("id=\"identity-alice\"")
			.doesNotContain("id=\"identity-carol\"")
			.contains("Use &lt;your&gt; UChicago login");
	}

	@Test
	void aSessionPolicyIsEvaluatedNotAForcedLogin() {
		String policy = "7f5e9a2b-4c1d-4e3f-8a6b-9c0d1e2f3a4b";
		// a fresh University of Chicago login meets the Clinical Imaging policy ...
		this.browser.login("bob", "openid", Map.of("prompt", "login"));
		HttpResponse<String> met = this.browser
			.authorize(Map.of("scope", "openid", "session_required_policies", policy));
		assertThat(SimulatedGlobusBrowser.redirectParams(met)).containsKey("code");
		// ... an Alice session does not: only identities from its domain are offered
		SimulatedGlobusBrowser other = new SimulatedGlobusBrowser(this.port, this.simulator);
		other.login("alice", "openid", Map.of("prompt", "login"));
		HttpResponse<String> page = other.authorize(Map.of("scope", "openid", "session_required_policies", policy));
		assertThat(SimulatedGlobusBrowser.isLoginPage(page)).isTrue();
		assertThat(page.body()).contains("id=\"identity-bob\"").doesNotContain("id=\"identity-alice\"");
		Map<String, String> unknown = SimulatedGlobusBrowser.redirectParams(this.browser
			.authorize(Map.of("scope", "openid", "session_required_policies", "00000000-0000-0000-0000-000000000000")));
		assertThat(unknown).containsEntry("error", "invalid_request");
	}

	@Test
	void theConsentsPageListsAndRevokesAConsentAndWhatHangsBelowIt() {
		String scope = "openid " + TRANSFER_ALL + "[*" + dataAccess(ARCHIVE) + "]";
		this.browser.login("carol", scope, Map.of());
		HttpResponse<String> page = this.browser.get("/simulator/auth/v2/web/consents", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Your consents", "Access data on collection Archive (mapped)",
				"Manage your data transfers");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
		java.util.regex.Matcher transferConsent = java.util.regex.Pattern
			.compile("title=\"" + java.util.regex.Pattern.quote(TRANSFER_ALL) + "\"\\s+id=\"consent-(\\d+)\"")
			.matcher(page.body());
		assertThat(transferConsent.find()).as(page.body()).isTrue();
		String formToken = page.body().replaceAll("(?s).*name=\"form_token\" value=\"([^\"]+)\".*", "$1");

		HttpResponse<String> forged = this.browser.postForm("/simulator/auth/v2/web/consents/revoke",
				Map.of("consent_id", transferConsent.group(1), "form_token", "forged"), null);
		assertThat(forged.statusCode()).isEqualTo(400);
		HttpResponse<String> revoked = this.browser.postForm("/simulator/auth/v2/web/consents/revoke",
				Map.of("consent_id", transferConsent.group(1), "form_token", formToken), null);
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(this.browser.get("/simulator/auth/v2/web/consents", null).body()).doesNotContain(TRANSFER_ALL)
			.doesNotContain("Archive (mapped)");
		assertThat(SimulatedGlobusBrowser.isConsentPage(this.browser.authorize(Map.of("scope", scope)))).isTrue();
	}

	@Test
	void theConsentsPageNeedsASimulatedGlobusLogin() {
		assertThat(this.browser.get("/simulator/auth/v2/web/consents", null).statusCode()).isEqualTo(401);
		assertThat(this.browser.get("/simulator/auth/v2/web/style.css", null).body()).contains(".banner");
	}

	@Test
	void logoutEndsTheSimulatedSession() {
		this.browser.login("alice", "openid", Map.of());
		HttpResponse<String> logout = this.browser.get("/simulator/auth/v2/web/logout", null);
		assertThat(logout.body()).contains("logged out", "Simulated Globus — demo only");
		assertThat(SimulatedGlobusBrowser.isLoginPage(this.browser.authorize(Map.of("scope", "openid")))).isTrue();
	}

	String simulatorClient() {
		return new SimulatedGlobusBrowser(this.port, this.simulator).clientAuthorization();
	}

}
