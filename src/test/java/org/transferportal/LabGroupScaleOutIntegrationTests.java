package org.transferportal;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.PortalBrowser;
import org.transferportal.support.PortalInstance;
import org.transferportal.support.SharedPostgres;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The lab's group decision, made once at login on one instance, holds on another instance
 * sharing the sessions in PostgreSQL, without asking Globus Groups again.
 */
class LabGroupScaleOutIntegrationTests {

	private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniRq83vEjRWeJA=";

	private static final String LAB_GROUP = "6c1bd5a2-94f3-4f0e-9b7d-2a8f3e1c5d70";

	private static final Map<String, String> LAB = Map.of("portal.lab.group", LAB_GROUP, "portal.lab.allowed-domains",
			"uchicago.edu");

	private static PortalInstance a;

	private static PortalInstance b;

	private final FakeGlobus globus = FakeGlobus.shared();

	@BeforeAll
	static void startTwoInstances() {
		String database = SharedPostgres.newDatabase();
		a = PortalInstance.start(database, KEY, LAB);
		b = PortalInstance.start(database, KEY, LAB);
	}

	@AfterAll
	static void stopInstances() {
		a.close();
		b.close();
	}

	@BeforeEach
	void resetGlobus() {
		this.globus.reset();
	}

	private void groupsAnswer(String cannedBody) {
		this.globus.server()
			.stubFor(get(urlPathEqualTo(FakeGlobus.MY_GROUPS))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("groups/" + cannedBody))));
	}

	@Test
	void aGroupMemberAdmittedAtLoginOnOneInstanceIsAMemberOnTheOther() {
		groupsAnswer("my_groups_member.json");
		PortalBrowser browser = new PortalBrowser(a.mvc(), this.globus,
				new FakeGlobus.User(UUID.randomUUID().toString(), "eve@example.com"));
		assertThat(browser.login(PortalBrowser.LOGIN).getStatus()).isEqualTo(200);
		assertThat(this.globus.myGroupsCalls()).isEqualTo(1);

		browser.on(b.mvc());
		MockHttpServletResponse home = browser.get("/");
		assertThat(home.getStatus()).isEqualTo(200);
		assertThat(content(home)).contains("Log out");
		assertThat(browser.get("/transfer").getStatus()).isEqualTo(200);
		assertThat(browser.get("/refused").getRedirectedUrl()).isEqualTo("/");
		assertThat(this.globus.myGroupsCalls()).isEqualTo(1);
	}

	@Test
	void anOutsiderRefusedAtLoginOnOneInstanceIsRefusedOnTheOther() {
		groupsAnswer("my_groups_invited.json");
		PortalBrowser browser = new PortalBrowser(a.mvc(), this.globus,
				new FakeGlobus.User(UUID.randomUUID().toString(), "carol@example.edu"));
		assertThat(browser.login(PortalBrowser.LOGIN).getStatus()).isEqualTo(403);

		browser.on(b.mvc());
		assertThat(browser.get("/transfer").getRedirectedUrl()).isEqualTo("/refused");
		assertThat(this.globus.myGroupsCalls()).isEqualTo(1);
	}

}
