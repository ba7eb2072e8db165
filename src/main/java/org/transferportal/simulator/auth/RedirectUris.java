package org.transferportal.simulator.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code redirect_uri} the simulated Auth sends codes to: exactly one of the
 * configured ones ({@code simulator.redirect-uris}), as Globus compares a client's
 * registered URIs; with none configured, only the portal's callback path on this machine
 * (a loopback host, any port), so that a demo reached from elsewhere cannot be made to
 * hand codes to another host.
 */
final class RedirectUris {

	static final String CALLBACK_PATH = "/login/oauth2/code/globus";

	private static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final List<String> registered;

	RedirectUris(List<String> registered) {
		this.registered = List.copyOf(registered);
	}

	boolean allows(String redirectUri) {
		if (redirectUri == null) {
			return false;
		}
		if (!this.registered.isEmpty()) {
			return this.registered.contains(redirectUri);
		}
		try {
			URI uri = new URI(redirectUri);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getRawUserInfo() == null
					&& CALLBACK_PATH.equals(uri.getRawPath()) && uri.getRawQuery() == null
					&& uri.getRawFragment() == null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	/** Words for the error page: what this simulator accepts. */
	String describe() {
		return this.registered.isEmpty()
				? "http://localhost:<port>" + CALLBACK_PATH
						+ " (set simulator.redirect-uris to accept the portal's public address)"
				: String.join(", ", this.registered);
	}

}
