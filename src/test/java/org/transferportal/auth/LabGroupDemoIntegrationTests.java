package org.transferportal.auth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.FreePort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group rule in the demo, end to end over HTTP: the portal asks its embedded
 * simulator's Auth for a Groups token and its Groups API for the Demo Lab's members
 * (Alice, the demo's admin, and Bob active; Carol only invited).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LabGroupDemoIntegrationTests {

	static final String DEMO_LAB = "d6a7c1e4-2b3f-4c5d-8e9f-a0b1c2d3e4f5";

	static final int PORT = FreePort.pick();

	@DynamicPropertySource
	static void demoWithGroupRule(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("portal.lab.group", () -> DEMO_LAB);
	}

	private static DemoUserAgent.Page open(String username, String path) {
		return new DemoUserAgent("http://localhost:" + PORT, username).open(path);
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
