package org.transferportal.simulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks the HTTP Basic client authentication of the token endpoints against the one
 * client the simulated Auth knows.
 */
final class ClientCredentials {

	private final String clientId;

	private final String clientSecret;

	ClientCredentials(String clientId, String clientSecret) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/** The client id when the header carries this client's id and secret. */
	Optional<String> authenticate(String authorizationHeader) {
		if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		// Taken as sent, not URL-decoded: Globus's secrets are base64 ('+', '/', '=')
		// and its SDK sends them raw.
		String id = decoded.substring(0, colon);
		String secret = decoded.substring(colon + 1);
		boolean ok = id.equals(this.clientId) && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
				this.clientSecret.getBytes(StandardCharsets.UTF_8));
		return ok ? Optional.of(id) : Optional.empty();
	}

}
