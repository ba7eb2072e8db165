package org.transferportal.auth;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group rule in the demo, end to end over HTTP: the portal asks its embedded
 * simulator's Auth for a Groups token and its Groups API for the Demo Lab's members
 * (Alice, the demo's admin, and Bob active; Carol only invited).
 */
@TestPropertySource(properties = "portal.lab.group=" + LabGroupDemoIntegrationTests.DEMO_LAB)
class LabGroupDemoIntegrationTests extends DemoTestSupport {

	static final String DEMO_LAB = "d6a7c1e4-2b3f-4c5d-8e9f-a0b1c2d3e4f5";

	private DemoUserAgent.Page open(String username, String path) {
		return new DemoUserAgent(base(), username).open(path);
	}

	@Test
	void bobAnActiveMemberOfTheDemoLabGetsIn() {
		DemoUserAgent.Page page = open("bob@uchicago.edu", "/transfer");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/transfer");
	}

	@Test
	void aliceTheDemosAdminGetsIn() {
		DemoUserAgent.Page page = open("alice@globusid.org", "/lab/admin");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Active members of the Globus group").contains(DEMO_LAB);
	}

	@Test
	void carolInvitedButNotYetAMemberIsRefused() {
		DemoUserAgent.Page page = open("carol@example.edu", "/transfer");

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.uri().getPath()).isEqualTo("/refused");
		assertThat(page.body()).contains("This portal is for members of").contains("accept the invitation");
	}

}
