package org.transferportal.auth;

import java.util.List;
import java.util.Set;
import java.util.UUID;

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
		LabProperties lab = new LabProperties("Lab", List.of(), List.of("uchicago.edu"), List.of(), true, null);
		Set<String> scopes = new GlobusAuthorizationRequests(null, null, List.of(), lab.extraLoginScopes())
			.scopes(Set.of(), List.of());
		assertThat(scopes).containsExactlyInAnyOrder("openid", "profile", "email", LabProperties.VIEW_IDENTITY_SET,
				TRANSFER);
	}

	@Test
	void otherwiseTheLoginScopesAreUnchanged() {
		LabProperties lab = new LabProperties("Lab", List.of(), List.of("uchicago.edu"), List.of(), false, null);
		Set<String> scopes = new GlobusAuthorizationRequests(null, null, List.of(), lab.extraLoginScopes())
			.scopes(Set.of(), List.of());
		assertThat(scopes).containsExactlyInAnyOrder("openid", "profile", "email", TRANSFER);
	}

	@Test
	void aLabThatAdmitsAGroupAsksForGlobusGroupsReadScope() {
		LabProperties lab = new LabProperties("Lab", List.of(), List.of(), List.of(), false,
				UUID.fromString("6c1bd5a2-94f3-4f0e-9b7d-2a8f3e1c5d70"));
		Set<String> scopes = new GlobusAuthorizationRequests(null, null, List.of(), lab.extraLoginScopes())
			.scopes(Set.of(), List.of("urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org"
					+ "/scopes/1405823f-0597-4a16-b296-46d4f0ae4b15/data_access]"));
		assertThat(scopes)
			.contains("openid", "profile", "email",
					"urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships")
			.hasSize(5);
	}

}
