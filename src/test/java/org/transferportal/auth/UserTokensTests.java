package org.transferportal.auth;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserTokensTests {

	@Test
	void aTokenThatDoesNotNameItsResourceServerIsTransfersIfItsScopeIs() {
		assertThat(UserTokens.resourceServerOf("urn:globus:auth:scope:transfer.api.globus.org:all"))
			.isEqualTo("transfer.api.globus.org");
		assertThat(UserTokens
			.resourceServerOf("urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships"))
			.isEqualTo("groups.api.globus.org");
		assertThat(UserTokens.resourceServerOf("openid email")).isEqualTo("unknown");
	}

	@Test
	void theTransferTokenCarriesTheDependentsOfTheRequestedTransferRoot() {
		assertThat(UserTokens.transferDependents(Set.of("openid",
				"urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/a/data_access "
						+ "*https://auth.globus.org/scopes/b/data_access]")))
			.containsExactlyInAnyOrder("https://auth.globus.org/scopes/a/data_access",
					"https://auth.globus.org/scopes/b/data_access");
	}

}
