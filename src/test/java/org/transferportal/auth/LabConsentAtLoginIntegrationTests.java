package org.transferportal.auth;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's known collections: their data_access is asked for at login.
 */
@TestPropertySource(properties = { "portal.lab.collections[0].id=" + LabConsentAtLoginIntegrationTests.KNOWN,
		"portal.lab.collections[0].name=Lab Data", "portal.lab.collections[0].consent-at-login=true",
		"portal.lab.collections[1].id=" + LabConsentAtLoginIntegrationTests.OTHER,
		"portal.lab.collections[1].name=Shared" })
class LabConsentAtLoginIntegrationTests extends FlowTestSupport {

	static final String KNOWN = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String OTHER = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	@Test
	void theLoginAsksForTheKnownCollectionsDataAccessWithPkceAndOfflineAccess() {
		PortalBrowser browser = newBrowser();
		MockHttpServletResponse authorize = browser.open(PortalBrowser.LOGIN);
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		assertThat(params.get("scope")).isEqualTo("openid profile email " + FakeGlobus.TRANSFER_ALL
				+ "[*https://auth.globus.org/scopes/" + KNOWN + "/data_access]");
		assertThat(params).containsEntry("code_challenge_method", "S256")
			.containsEntry("access_type", "offline")
			.containsKey("code_challenge");
	}

	@Test
	void aKnownCollectionIsBrowsedWithoutAnotherTrip() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		this.globus.stubCollection(UUID.fromString(KNOWN), "GCSv5_mapped_collection", false);
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + KNOWN + "/ls"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/ls.json"))));
		MockHttpServletResponse page = browser.open("/files?a_collection=" + KNOWN + "&a_path=/~/");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(PortalBrowser.content(page)).contains("run1.csv");
	}

}
