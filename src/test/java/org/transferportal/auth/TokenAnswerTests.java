package org.transferportal.auth;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading one answer of Globus Auth's token endpoint into its tokens, as Spring
 * Security's token client receives it.
 */
class TokenAnswerTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void everyTokenIsPickedByItsResourceServerWithItsOwnRefreshToken() {
		TokenAnswer answer = TokenAnswer.of(response("auth/token_with_other_tokens.json", Map.of()), CLOCK);

		assertThat(answer.tokens()).extracting(TokenAnswer.Token::resourceServer)
			.containsExactly("auth.globus.org", "transfer.api.globus.org");
		TokenAnswer.Token transfer = answer.forResourceServer("transfer.api.globus.org").orElseThrow();
		assertThat(transfer.accessToken()).isEqualTo("AgXferTok0123");
		assertThat(transfer.refreshToken()).isEqualTo("AgXferRefresh0123");
		assertThat(transfer.scope()).isEqualTo("urn:globus:auth:scope:transfer.api.globus.org:all");
		assertThat(transfer.expiresAt()).isEqualTo(CLOCK.instant().plusSeconds(172_800));
		assertThat(answer.forResourceServer("auth.globus.org").orElseThrow().refreshToken())
			.isEqualTo("AgAuthRefresh0123");
		assertThat(transfer.values()).containsExactly("AgXferRefresh0123", "AgXferTok0123");
	}

	@Test
	void aTokenThatDoesNotNameItsResourceServerIsKnownByItsScope() {
		Map<String, Object> groups = Map.of("access_token", "AgGroupsTok", "expires_in", "3600", "scope",
				"urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships");
		Map<String, Object> transfer = Map.of("access_token", "AgXferTok", "scope",
				"urn:globus:auth:scope:transfer.api.globus.org:all");
		TokenAnswer answer = TokenAnswer.of(
				response("auth/token_with_other_tokens.json", Map.of("other_tokens", List.of(groups, transfer))),
				CLOCK);

		assertThat(answer.forResourceServer("groups.api.globus.org").orElseThrow().accessToken())
			.isEqualTo("AgGroupsTok");
		assertThat(answer.forResourceServer("transfer.api.globus.org").orElseThrow().refreshToken()).isNull();
		assertThat(answer.forResourceServer("groups.api.globus.org").orElseThrow().expiresAt())
			.isEqualTo(CLOCK.instant().plusSeconds(3600));
	}

	@Test
	void resourceServersAreKnownByScopeOnlyForTransferAndGroups() {
		assertThat(TokenAnswer.resourceServerOf("urn:globus:auth:scope:transfer.api.globus.org:all"))
			.isEqualTo("transfer.api.globus.org");
		assertThat(TokenAnswer
			.resourceServerOf("urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships"))
			.isEqualTo("groups.api.globus.org");
		assertThat(TokenAnswer.resourceServerOf("openid email")).isEqualTo("unknown");
	}

	@Test
	void anAnswerWithoutOtherTokensHasItsTopLevelTokenAlone() {
		TokenAnswer answer = TokenAnswer.of(response("auth/token_with_other_tokens.json",
				Map.of("other_tokens", List.of(), "resource_server", "auth.globus.org")), CLOCK);

		assertThat(answer.tokens()).hasSize(1);
		assertThat(answer.forResourceServer("transfer.api.globus.org")).isEmpty();
	}

	/** A canned answer, with some fields replaced, as Spring's token client reads it. */
	@SuppressWarnings("unchecked")
	private static OAuth2AccessTokenResponse response(String name, Map<String, Object> replaced) {
		try (InputStream in = TokenAnswerTests.class.getResourceAsStream("/globus/" + name)) {
			Map<String, Object> body = JsonMapper.builder().build().readValue(in.readAllBytes(), Map.class);
			body.putAll(replaced);
			return new DefaultMapOAuth2AccessTokenResponseConverter().convert(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
