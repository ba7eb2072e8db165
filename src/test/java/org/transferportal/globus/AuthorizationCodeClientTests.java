package org.transferportal.globus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

import org.transferportal.globus.GlobusFixtures.RecordingSleeper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.transferportal.globus.GlobusFixtures.json;

/**
 * The code exchange Spring Security's login makes through the portal's client, against
 * Globus-shaped answers.
 */
class AuthorizationCodeClientTests {

	@RegisterExtension
	static final GlobusServer server = new GlobusServer();

	@Test
	void aCodeIsExchangedForGlobusTokensOtherTokensIncluded() {
		server.stubFor(post("/v2/oauth2/token").willReturn(json(200, "auth/token_with_other_tokens.json")));
		OAuth2AccessTokenResponse answer = exchange();
		assertThat(answer.getAccessToken().getTokenValue()).isNotBlank();
		assertThat(answer.getAdditionalParameters()).containsKey("other_tokens");
	}

	@Test
	void invalidGrantAnsweredWith401IsReadAsInvalidGrant() {
		server.stubFor(post("/v2/oauth2/token").willReturn(json(401, "auth/invalid_grant.json")));
		assertThat(errorCode()).isEqualTo("invalid_grant");
	}

	@Test
	void invalidGrantAnsweredWith400IsReadAsInvalidGrant() {
		server.stubFor(post("/v2/oauth2/token").willReturn(json(400, "auth/invalid_grant.json")));
		assertThat(errorCode()).isEqualTo("invalid_grant");
	}

	@Test
	void anAnswerWithoutAnOAuthErrorIsAnInvalidTokenResponse() {
		server.stubFor(post("/v2/oauth2/token").willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody(GlobusFixtures.body("errors/bad_gateway.html"))));
		assertThat(errorCode()).isEqualTo("invalid_token_response");
	}

	@Test
	void anErrorCodeThatIsNotACodeIsNotPassedOn() {
		server.stubFor(post("/v2/oauth2/token").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": \"<script>alert(1)</script>\"}")));
		assertThat(errorCode()).isEqualTo("invalid_token_response");
	}

	private String errorCode() {
		OAuth2AuthorizationException ex = catchThrowableOfType(OAuth2AuthorizationException.class, this::exchange);
		assertThat(ex).as("an OAuth error").isNotNull();
		return ex.getError().getErrorCode();
	}

	private OAuth2AccessTokenResponse exchange() {
		GlobusClients clients = GlobusFixtures.clients(GlobusFixtures.properties(server), new RecordingSleeper());
		ClientRegistration registration = ClientRegistration.withRegistrationId("globus")
			.clientId(GlobusFixtures.CLIENT_ID)
			.clientSecret(GlobusFixtures.CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://portal.example.org/login/oauth2/code/globus")
			.authorizationUri(server.baseUrl() + "/v2/oauth2/authorize")
			.tokenUri(server.baseUrl() + "/v2/oauth2/token")
			.build();
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(registration.getProviderDetails().getAuthorizationUri())
			.clientId(registration.getClientId())
			.redirectUri(registration.getRedirectUri())
			.state("state-1")
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code-1")
			.redirectUri(registration.getRedirectUri())
			.state("state-1")
			.build();
		return clients.authorizationCodeClient()
			.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
					new OAuth2AuthorizationExchange(request, response)));
	}

}
