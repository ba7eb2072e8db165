package org.transferportal.auth;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link TokenCipher}: tokens at rest and the key that protects them.
 */
class TokenCipherTests {

	private static final String POSTGRES = "jdbc:postgresql://db:5432/portal";

	private static final byte[] ROW = UserTokenStore.boundTo("access_token", "alice", "transfer.api.globus.org");

	@Test
	void encryptsSoThatTheStoredTextHidesTheTokenAndDecryptsBack() {
		TokenCipher cipher = cipher(newKey(), POSTGRES);
		String stored = cipher.encrypt("Agxyz-secret-token", ROW);
		assertThat(stored).doesNotContain("secret").isNotEqualTo(cipher.encrypt("Agxyz-secret-token", ROW));
		assertThat(cipher.decrypt(stored, ROW)).isEqualTo("Agxyz-secret-token");
		assertThat(cipher.encrypt(null, ROW)).isNull();
	}

	@Test
	void aTokenDecryptsOnlyWhereItWasStored() {
		TokenCipher cipher = cipher(newKey(), POSTGRES);
		String stored = cipher.encrypt("Agxyz-secret-token", ROW);
		for (byte[] elsewhere : new byte[][] {
				UserTokenStore.boundTo("access_token", "mallory", "transfer.api.globus.org"),
				UserTokenStore.boundTo("access_token", "alice", "auth.globus.org"),
				UserTokenStore.boundTo("refresh_token", "alice", "transfer.api.globus.org"), TokenCipher.UNBOUND }) {
			assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(stored, elsewhere));
		}
	}

	@Test
	void associatedDataTellsPartsApartWhereverTheyAreSplit() {
		assertThat(TokenCipher.associatedData("ab", "c")).isNotEqualTo(TokenCipher.associatedData("a", "bc"));
		assertThat(TokenCipher.associatedData("a|b")).isNotEqualTo(TokenCipher.associatedData("a", "b"));
	}

	@Test
	void anotherInstanceWithTheSameKeyReadsTheTokens() {
		String key = newKey();
		String stored = cipher(key, POSTGRES).encrypt("shared", ROW);
		assertThat(cipher(key, POSTGRES).decrypt(stored, ROW)).isEqualTo("shared");
	}

	@Test
	void refusesToStartWithoutAKeyOnASharedDatabase() {
		assertThatIllegalStateException().isThrownBy(() -> cipher(null, POSTGRES))
			.withMessageContaining("PORTAL_TOKEN_KEY")
			.withMessageContaining("required");
		assertThatIllegalStateException().isThrownBy(() -> cipher("", "jdbc:h2:file:/data/portal"))
			.withMessageContaining("PORTAL_TOKEN_KEY");
	}

	@Test
	void startsWithoutAKeyOnlyOnTheInMemoryDatabase() {
		TokenCipher cipher = cipher(null, "jdbc:h2:mem:portal;MODE=PostgreSQL");
		assertThat(cipher.decrypt(cipher.encrypt("t", ROW), ROW)).isEqualTo("t");
	}

	@Test
	void aMalformedKeyIsRefusedWithAClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> cipher("not base64!", POSTGRES))
			.withMessage("PORTAL_TOKEN_KEY is not valid base64");
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException().isThrownBy(() -> cipher(shortKey, POSTGRES))
			.withMessage("PORTAL_TOKEN_KEY must be base64 of 32 bytes, not 16");
		assertThatIllegalStateException().isThrownBy(() -> cipher("ci-placeholder", POSTGRES))
			.withMessageContaining("PORTAL_TOKEN_KEY");
	}

	@Test
	void aWrongKeyGivesAClearErrorInsteadOfGarbage() {
		String stored = cipher(newKey(), POSTGRES).encrypt("token", ROW);
		assertThatIllegalStateException().isThrownBy(() -> cipher(newKey(), POSTGRES).decrypt(stored, ROW))
			.withMessageContaining("could not be decrypted")
			.withMessageContaining("PORTAL_TOKEN_KEY");
	}

	@Test
	void aTamperedTokenIsRefused() {
		TokenCipher cipher = cipher(newKey(), POSTGRES);
		byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("token", ROW));
		sealed[sealed.length - 1] ^= 1;
		assertThatIllegalStateException()
			.isThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(sealed), ROW));
	}

	static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static TokenCipher cipher(String key, String url) {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url);
		return new TokenCipher(new AuthProperties(key, null, null, null, true, null, null, null), environment);
	}

}
