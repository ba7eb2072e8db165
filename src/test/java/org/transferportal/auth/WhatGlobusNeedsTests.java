package org.transferportal.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.transferportal.globus.AuthorizationParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words for what Globus needs: a login of the kind it asks for, not a bare consent.
 */
class WhatGlobusNeedsTests {

	@Test
	void aDomainRequirementAsksForALoginWithAnIdentityFromThatDomain() {
		WhatGlobusNeeds needs = WhatGlobusNeeds.of(new AuthorizationParameters(List.of(), "Login to the storage failed",
				null, List.of("uchicago.edu"), null, false, null), "Campus Cluster");
		assertThat(needs.action()).isEqualTo("Log in again with your uchicago.edu identity");
		assertThat(needs.message()).startsWith("Campus Cluster accepts only identities from uchicago.edu.")
			.endsWith("Globus says: “Login to the storage failed”");
		assertThat(needs.login()).isTrue();
	}

	@Test
	void multiFactorAuthenticationIsNamed() {
		assertThat(WhatGlobusNeeds.of(new AuthorizationParameters(null, null, null, null, null, true, "login"), "Vault")
			.action()).isEqualTo("Log in again with multi-factor authentication");
	}

	@Test
	void aPolicyNamesTheCollectionWhosePolicyItIs() {
		WhatGlobusNeeds needs = WhatGlobusNeeds.of(new AuthorizationParameters(null,
				"Failing collection authentication policy", null, null, List.of("p1"), false, null),
				"Clinical Imaging");
		assertThat(needs.action()).isEqualTo("Log in again as Clinical Imaging requires");
		assertThat(needs.message()).startsWith("Clinical Imaging has a security policy");
	}

	@Test
	void anIdentityByUsernameIsNamedAndSeveralDomainsAreListed() {
		assertThat(WhatGlobusNeeds
			.of(new AuthorizationParameters(null, null, List.of("bob@uchicago.edu"), null, null, false, null), "X")
			.action()).isEqualTo("Log in again as bob@uchicago.edu");
		assertThat(WhatGlobusNeeds
			.of(new AuthorizationParameters(null, null, null, List.of("a.edu", "b.edu", "c.edu"), null, false, null),
					"X")
			.action()).isEqualTo("Log in again with your a.edu, b.edu or c.edu identity");
	}

	@Test
	void onlyScopesIsAConsentNamingTheCollection() {
		WhatGlobusNeeds needs = WhatGlobusNeeds.of(
				AuthorizationParameters.scopes(List.of("urn:x[*https://auth.globus.org/scopes/c/data_access]"), null),
				"Lab Data");
		assertThat(needs.action()).isEqualTo("Allow access to Lab Data");
		assertThat(needs.message()).contains("before the portal can use Lab Data");
		assertThat(needs.login()).isFalse();
	}

}
