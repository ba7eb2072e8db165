package org.transferportal.auth;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.transferportal.lab.LabProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the scopes of {@link GlobusAuthorizationRequests} that lab settings add.
 */
class GlobusAuthorizationRequestsTests {

	private static final String TRANSFER = "urn:globus:auth:scope:transfer.api.globus.org:all";

	@Test
	void aLabThatMatchesLinkedIdentitiesAsksGlobusForThem() {
		LabProperties lab = new LabProperties("Lab", List.of(), List.of("uchicago.edu"), List.of(), true);
		Set<String> scopes = new GlobusAuthorizationRequests(null, null, List.of(), lab.extraLoginScopes())
			.scopes(Set.of(), List.of());
		assertThat(scopes).containsExactlyInAnyOrder("openid", "profile", "email", LabProperties.VIEW_IDENTITY_SET,
				TRANSFER);
	}

	@Test
	void otherwiseTheLoginScopesAreUnchanged() {
		LabProperties lab = new LabProperties("Lab", List.of(), List.of("uchicago.edu"), List.of(), false);
		Set<String> scopes = new GlobusAuthorizationRequests(null, null, List.of(), lab.extraLoginScopes())
			.scopes(Set.of(), List.of());
		assertThat(scopes).containsExactlyInAnyOrder("openid", "profile", "email", TRANSFER);
	}

}
