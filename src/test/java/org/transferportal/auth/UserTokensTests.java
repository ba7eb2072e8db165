package org.transferportal.auth;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserTokensTests {

	@Test
	void theTransferTokenCarriesTheDependentsOfTheRequestedTransferRoot() {
		assertThat(UserTokens.transferDependents(Set.of("openid",
				"urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/a/data_access "
						+ "*https://auth.globus.org/scopes/b/data_access]")))
			.containsExactlyInAnyOrder("https://auth.globus.org/scopes/a/data_access",
					"https://auth.globus.org/scopes/b/data_access");
	}

}
