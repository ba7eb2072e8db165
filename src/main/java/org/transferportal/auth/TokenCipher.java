package org.transferportal.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts tokens at rest with AES-GCM, each bound to the place it is stored in.
 *
 * <p>
 * The key comes from {@code PORTAL_TOKEN_KEY}. With the default in-memory database an
 * ephemeral key is made at start-up (the tokens die with the process anyway); with any
 * other database the portal refuses to start without a key, because several instances
 * must read each other's tokens and a restart must not lose them.
 */
@Component
class TokenCipher {

	private static final Log logger = LogFactory.getLog(TokenCipher.class);

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	/**
	 * No associated data: how portals before migration V7 encrypted tokens (AES-GCM with
	 * an empty associated data is GCM without any). Only the migration that binds those
	 * tokens to their rows reads with it.
	 */
	static final byte[] UNBOUND = new byte[0];

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	private final boolean ephemeral;

	TokenCipher(AuthProperties properties, Environment environment) {
		this.key = key(properties.tokenKey(), environment.getProperty("spring.datasource.url", ""));
		this.ephemeral = !StringUtils.hasText(properties.tokenKey());
	}

	/** Whether the key was made at start-up (in-memory database, no PORTAL_TOKEN_KEY). */
	boolean ephemeral() {
		return this.ephemeral;
	}

	private static SecretKey key(String base64, String datasourceUrl) {
		if (StringUtils.hasText(base64)) {
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(base64.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("PORTAL_TOKEN_KEY is not valid base64", ex);
			}
			if (bytes.length != 32) {
				throw new IllegalStateException("PORTAL_TOKEN_KEY must be base64 of 32 bytes, not " + bytes.length);
			}
			return new SecretKeySpec(bytes, "AES");
		}
		if (!datasourceUrl.startsWith("jdbc:h2:mem:")) {
			throw new IllegalStateException("PORTAL_TOKEN_KEY (base64 of 32 bytes) is required with a shared database: "
					+ "generate one with 'openssl rand -base64 32'");
		}
		logger.info("No PORTAL_TOKEN_KEY set: tokens in the in-memory database are encrypted with a key made now");
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(256);
			return generator.generateKey();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Encrypts a token bound to where it is stored: decrypting it with any other
	 * associated data fails, so a ciphertext copied to another row or column is useless.
	 * @param associatedData what the ciphertext belongs to, from
	 * {@link #associatedData(String...)}
	 */
	String encrypt(String plain, byte[] associatedData) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData);
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a token", ex);
		}
	}

	/**
	 * Decrypts a token encrypted with the same associated data.
	 * @throws IllegalStateException if the key or the associated data differ, or the text
	 * was altered
	 */
	String decrypt(String stored, byte[] associatedData) {
		if (stored == null) {
			return null;
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			cipher.updateAAD(associatedData);
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A stored token could not be decrypted (was PORTAL_TOKEN_KEY changed, "
					+ "or was the token moved from where it was stored?)", ex);
		}
	}

	/**
	 * Associated data naming where a ciphertext is stored, e.g. table, column and the
	 * row's key. Each part is length-prefixed, so no two lists of parts encode alike.
	 */
	static byte[] associatedData(String... parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (String part : parts) {
			byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
			bytes.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
			bytes.writeBytes(utf8);
		}
		return bytes.toByteArray();
	}

}
