package org.transferportal.auth;

/**
 * Published after a lab member's login has gone through (not for refused logins), so that
 * features keeping something per user — the address to e-mail them at — can note it
 * without reading the login's claims themselves.
 *
 * @param subject the Globus identity id
 * @param username the Globus username
 * @param email the e-mail address Globus gave ({@code email} claim), or {@code null}
 * @param portalUrl the address the user reached the portal at (that of the login's
 * redirect URI, which Globus Auth checked), without a trailing slash
 */
public record SignedIn(String subject, String username, String email, String portalUrl) {
}
