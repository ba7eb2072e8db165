package org.transferportal.simulator;

import java.util.List;

/**
 * A demo Globus identity.
 *
 * @param sub the identity id
 * @param username e.g. {@code alice@globusid.org}
 * @param name display name
 * @param email e-mail address
 * @param organization organization
 * @param identityProvider identity provider id
 * @param identityProviderDisplayName identity provider name
 * @param linked usernames of linked identities
 */
public record SimIdentity(String sub, String username, String name, String email, String organization,
		String identityProvider, String identityProviderDisplayName, List<String> linked) {

	public String localPart() {
		return this.username.substring(0, this.username.indexOf('@'));
	}

	public String domain() {
		return this.username.substring(this.username.indexOf('@') + 1);
	}

}
