package org.transferportal.auth;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed login's reason is logged in words, on one line and bounded. */
class LoginFailureWordsTests {

	@Test
	void theIdTokensCheckThatFailedIsLoggedInWords() {
		OAuth2AuthenticationException failed = new OAuth2AuthenticationException(
				new OAuth2Error("invalid_id_token", "The ID Token contains invalid claims: {iat=...}", null));

		assertThat(LoginFailureHandler.described(failed))
			.isEqualTo(" (The ID Token contains invalid claims: {iat=...})");
	}

	@Test
	void wordsFromTheCallbackCannotForgeLogLinesOrFloodTheLog() {
		OAuth2AuthenticationException failed = new OAuth2AuthenticationException(
				new OAuth2Error("access_denied", "no\r\nINFO forged line" + "x".repeat(1000), null));

		String words = LoginFailureHandler.described(failed);

		assertThat(words).doesNotContain("\n").doesNotContain("\r").startsWith(" (no  INFO forged line");
		assertThat(words).hasSizeLessThan(320);
	}

	@Test
	void aFailureWithoutWordsAddsNothing() {
		assertThat(LoginFailureHandler.described(new OAuth2AuthenticationException("access_denied"))).isEmpty();
		assertThat(LoginFailureHandler.described(new BadCredentialsException(" "))).isEmpty();
	}

}
