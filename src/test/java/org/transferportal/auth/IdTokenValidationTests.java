package org.transferportal.auth;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class IdTokenValidationTests {

	private final ClientRegistration registration = ClientRegistration.withRegistrationId("globus")
		.clientId("portal")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
		.authorizationUri("https://auth.example/authorize")
		.tokenUri("https://auth.example/token")
		.build();

	@Test
	void theConfiguredIssuerIsAcceptedWithOrWithoutATrailingSlash() {
		assertThat(valid(token("https://auth.example/", "portal"), "https://auth.example")).isTrue();
		assertThat(valid(token("https://auth.example", "portal"), "https://auth.example/")).isTrue();
	}

	@Test
	void globusCanonicalIssuerIsAcceptedWhereverAuthIsServed() {
		assertThat(valid(token("https://auth.globus.org", "portal"), "http://localhost:9000")).isTrue();
	}

	@Test
	void anyOtherIssuerOrAudienceIsRefused() {
		assertThat(valid(token("https://evil.example", "portal"), "https://auth.example")).isFalse();
		assertThat(valid(token("https://auth.example", "someone-else"), "https://auth.example")).isFalse();
	}

	private boolean valid(Jwt jwt, String issuer) {
		return !GlobusLoginConfiguration.idTokenClaims(jwt, issuer, this.registration).hasErrors();
	}

	private static Jwt token(String issuer, String audience) {
		Instant now = Instant.now();
		return Jwt.withTokenValue("t")
			.header("alg", "RS512")
			.claim("iss", issuer)
			.subject("ae332d86-d274-11e5-b885-b31714a110e9")
			.audience(List.of(audience))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.build();
	}

}
