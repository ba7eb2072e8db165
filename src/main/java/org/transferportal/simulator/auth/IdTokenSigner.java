package org.transferportal.simulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Signs ID tokens with an RSA key generated at start-up and publishes its public half as
 * a JWK set, as Globus Auth does: RS512, no {@code kid} in the key or the token header,
 * and a plain-string {@code aud}.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class IdTokenSigner {

	private final RSAKey key;

	IdTokenSigner() throws JOSEException {
		this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS512).generate();
	}

	Map<String, Object> jwks() {
		return new JWKSet(this.key.toPublicJWK()).toJSONObject();
	}

	String sign(Map<String, Object> claims, String issuer, String audience, Date issuedAt, Date expiresAt) {
		// A single audience: Nimbus writes it as a plain string, as Globus's tokens carry
		// it.
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.issueTime(issuedAt)
			.expirationTime(expiresAt);
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).type(JOSEObjectType.JWT).build(),
				builder.build());
		try {
			jwt.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign ID token", ex);
		}
		return jwt.serialize();
	}

	/** OIDC {@code at_hash} for RS512: left half of the SHA-512 of the access token. */
	static String accessTokenHash(String accessToken) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-512")
				.digest(accessToken.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
