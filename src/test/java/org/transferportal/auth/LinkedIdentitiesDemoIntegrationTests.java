package org.transferportal.auth;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain rule matched against linked identities, in the demo over HTTP: the login
 * asks the simulator for view_identity_set, and Bob of uchicago.edu gets in through his
 * linked globusid.org identity.
 */
@TestPropertySource(properties = { "portal.lab.allowed-domains=globusid.org", "portal.lab.linked-identities=true" })
class LinkedIdentitiesDemoIntegrationTests extends DemoTestSupport {

	private DemoUserAgent.Page open(String username, String path) {
		return new DemoUserAgent(base(), username).open(path);
	}

	@Test
	void bobGetsInThroughHisLinkedGlobusIdIdentity() {
		DemoUserAgent bob = new DemoUserAgent(base(), "bob@uchicago.edu");
		assertThat(bob.open("/transfer").uri().getPath()).isEqualTo("/transfer");
		DemoUserAgent.Page page = bob.open("/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Linked identities").contains("bob@globusid.org");
	}

	@Test
	void carolWithoutALinkedIdentityFromTheDomainIsRefused() {
		DemoUserAgent.Page page = open("carol@example.edu", "/transfer");

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.uri().getPath()).isEqualTo("/refused");
	}

}
