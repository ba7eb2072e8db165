package org.transferportal.notifications;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook calls as the Standard Webhooks specification says: HMAC-SHA256 with the
 * key inside a {@code whsec_} secret, over {@code {id}.{timestamp}.{body}}, sent as
 * {@code webhook-signature: v1,<base64>}.
 */
final class WebhookSigner {

	private static final String PREFIX = "whsec_";

	private final SecretKeySpec key;

	WebhookSigner(String secret) {
		this.key = new SecretKeySpec(key(secret), "HmacSHA256");
	}

	/**
	 * The key inside a secret: {@code whsec_} and the base64 of 24 to 64 bytes (the
	 * specification's bounds).
	 * @throws IllegalArgumentException for anything else, saying what is wrong (never the
	 * secret itself)
	 */
	static byte[] key(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			throw new IllegalArgumentException("PORTAL_LAB_WEBHOOK_SECRET must start with whsec_");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("PORTAL_LAB_WEBHOOK_SECRET is not whsec_ followed by base64");
		}
		if (key.length < 24 || key.length > 64) {
			throw new IllegalArgumentException("PORTAL_LAB_WEBHOOK_SECRET must hold 24 to 64 bytes, not " + key.length
					+ " (e.g. whsec_$(openssl rand -base64 32))");
		}
		return key;
	}

	/** The {@code webhook-signature} header's value for one attempt. */
	String sign(String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
