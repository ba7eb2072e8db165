package org.transferportal.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of login and token handling.
 *
 * @param tokenKey base64 of 32 bytes: the AES key that encrypts stored tokens
 * ({@code PORTAL_TOKEN_KEY}); required with a shared database
 * @param issuer the expected {@code iss} of ID tokens; defaults to the Globus Auth URL
 * @param pendingActionLifetime how long a consent round trip may take
 * @param refreshAhead refresh a token this long before it expires
 * @param pkce whether authorization requests carry a PKCE challenge (on, as RFC 9700
 * recommends even for confidential clients; {@code PORTAL_AUTH_PKCE=false} for a Globus
 * deployment that refuses it)
 * @param consentCacheTtl how long the data_access consents Globus Auth reported for a
 * user are trusted without asking again (a missing one is always asked for afresh)
 * @param absoluteSessionLifetime how long a login lasts however active its user: then the
 * user goes through Globus Auth again (silently while Globus's own session lasts), and
 * the lab's rules are applied afresh
 * @param tokenIdleLifetime how long the tokens of a user who neither logs in nor uses the
 * portal are kept: then they are revoked at Globus and dropped
 */
@ConfigurationProperties("portal.auth")
public record AuthProperties(String tokenKey, String issuer, @DefaultValue("30m") Duration pendingActionLifetime,
		@DefaultValue("2m") Duration refreshAhead, @DefaultValue("true") boolean pkce,
		@DefaultValue("30s") Duration consentCacheTtl, @DefaultValue("12h") Duration absoluteSessionLifetime,
		@DefaultValue("30d") Duration tokenIdleLifetime) {

	/** Never prints the token key (review I2). */
	@Override
	public String toString() {
		return "AuthProperties[tokenKey=" + ((this.tokenKey != null && !this.tokenKey.isEmpty()) ? "(set)" : "(unset)")
				+ ", issuer=" + this.issuer + ", pendingActionLifetime=" + this.pendingActionLifetime
				+ ", refreshAhead=" + this.refreshAhead + ", pkce=" + this.pkce + ", consentCacheTtl="
				+ this.consentCacheTtl + ", absoluteSessionLifetime=" + this.absoluteSessionLifetime
				+ ", tokenIdleLifetime=" + this.tokenIdleLifetime + "]";
	}

}
