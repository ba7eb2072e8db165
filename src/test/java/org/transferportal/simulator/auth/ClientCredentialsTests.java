package org.transferportal.simulator.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientCredentials}: Globus compares the client secret as sent.
 */
class ClientCredentialsTests {

	// shaped like a real Globus secret: base64 with '+', '/' and '='
	private static final String SECRET = "k8+Zq/9wX0s=";

	private final ClientCredentials credentials = new ClientCredentials("portal-client", SECRET);

	@Test
	void aBase64SecretSentRawIsAccepted() {
		assertThat(this.credentials.authenticate(basic("portal-client", SECRET))).contains("portal-client");
	}

	@Test
	void aUrlEncodedSecretIsNotTheSecret() {
		String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
		assertThat(encoded).isNotEqualTo(SECRET);
		assertThat(this.credentials.authenticate(basic("portal-client", encoded))).isEmpty();
	}

	@Test
	void wrongSecretsAndMalformedHeadersAreRefused() {
		assertThat(this.credentials.authenticate(basic("portal-client", "k8 Zq/9wX0s="))).isEmpty();
		assertThat(this.credentials.authenticate(basic("other-client", SECRET))).isEmpty();
		assertThat(this.credentials.authenticate("Basic not-base64!")).isEmpty();
		assertThat(this.credentials.authenticate("Bearer " + SECRET)).isEmpty();
		assertThat(this.credentials.authenticate(null)).isEmpty();
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
