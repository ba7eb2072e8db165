package org.transferportal.auth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.FreePort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain rule matched against linked identities, in the demo over HTTP: the login
 * asks the simulator for view_identity_set, and Bob of uchicago.edu gets in through his
 * linked globusid.org identity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LinkedIdentitiesDemoIntegrationTests {

	static final int PORT = FreePort.pick();

	@DynamicPropertySource
	static void demoWithLinkedIdentities(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("portal.lab.allowed-domains", () -> "globusid.org");
		registry.add("portal.lab.linked-identities", () -> "true");
	}

	private static DemoUserAgent.Page open(String username, String path) {
		return new DemoUserAgent("http://localhost:" + PORT, username).open(path);
	}

	@Test
	void bobGetsInThroughHisLinkedGlobusIdIdentity() {
		DemoUserAgent bob = new DemoUserAgent("http://localhost:" + PORT, "bob@uchicago.edu");
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
