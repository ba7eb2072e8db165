package org.transferportal.browse;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Browsing a mapped collection in the file manager: the "Grant access" notice, the trip,
 * and a consent remembered for the next login (issue 4); and links to the retired
 * {@code /browse} page landing on the same folder here.
 */
class FileManagerConsentIntegrationTests extends FlowTestSupport {

	@Test
	void grantingAccessComesBackToTheSameFolderAndALaterLoginRenewsItWithoutTheNotice() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		UUID mapped = this.globus.mappedCollection();
		stubListing(mapped);
		String folder = "/files?a_collection=" + mapped + "&a_path=/projects/data/";

		MockHttpServletResponse notice = browser.open(folder);
		assertThat(notice.getStatus()).isEqualTo(200);
		assertThat(content(notice)).contains("id=\"grant-access-a\"", "Allow access to Collection ");
		this.globus.server().verify(0, getRequestedFor(urlPathEqualTo(ls(mapped))));

		MockHttpServletResponse authorize = browser.follow(browser.post("/files/consent",
				Map.of("collection", mapped.toString(), "path", "/projects/data/", "back", folder)));
		assertThat(browser.isAuthorizeRedirect(authorize)).isTrue();
		// The collection has an HTTPS server: its scope comes along in the same trip, so
		// that downloading and uploading there need no second one.
		assertThat(FakeGlobus.query(authorize.getRedirectedUrl()).get("scope")).isEqualTo(
				"openid profile email " + FakeGlobus.dataAccessScope(mapped) + " " + FakeGlobus.httpsScope(mapped));
		MockHttpServletResponse back = browser.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).isEqualTo(folder);
		assertListing(browser.follow(back), browser);

		browser.post("/logout", Map.of());
		browser.newSession();
		// A later login goes on to Globus once more for the remembered consent (Globus
		// approves it without a page), then to the folder that needed the login.
		MockHttpServletResponse silent = browser.open(folder);
		MockHttpServletResponse renewal = browser.follow(browser.authorizeAndReturn(silent));
		assertThat(browser.isAuthorizeRedirect(renewal)).as("remembered consent renewed at login").isTrue();
		assertThat(FakeGlobus.query(renewal.getRedirectedUrl()).get("scope"))
			.isEqualTo("openid profile email " + FakeGlobus.dataAccessScope(mapped));
		MockHttpServletResponse again = browser.authorizeAndReturn(renewal);
		assertThat(again.getRedirectedUrl()).isEqualTo(folder);
		assertListing(browser.follow(again), browser);
		// From then on the folder opens without any trip.
		assertListing(browser.open(folder), browser);
	}

	@Test
	void aGuestCollectionIsListedWithoutAnyTrip() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		UUID guest = this.globus.guestCollection();
		stubListing(guest);
		assertListing(browser.open("/files?a_collection=" + guest + "&a_path=/"), browser);
	}

	@Test
	void anOldBrowseLinkOpensTheSameFolderInTheFileManager() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		UUID guest = this.globus.guestCollection();
		stubListing(guest);

		MockHttpServletResponse moved = browser.get("/browse?collection=" + guest + "&path=/projects/data/");

		assertThat(moved.getStatus()).isEqualTo(301);
		assertThat(moved.getRedirectedUrl()).isEqualTo("/files?a_collection=" + guest + "&a_path=/projects/data/");
		assertListing(browser.follow(moved), browser);
		this.globus.server()
			.verify(getRequestedFor(urlPathEqualTo(ls(guest))).withQueryParam("path", equalTo("/projects/data/")));
	}

	private void assertListing(MockHttpServletResponse page, PortalBrowser browser) {
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("run1.csv").doesNotContain("id=\"grant-access-a\"");
		this.globus.server()
			.verify(getRequestedFor(urlPathMatching("/v0.10/operation/endpoint/.*/ls")).withHeader("Authorization",
					equalTo("Bearer " + browser.tokens().transferAccess())));
	}

	private void stubListing(UUID collection) {
		this.globus.server()
			.stubFor(get(urlPathEqualTo(ls(collection)))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/ls.json"))));
	}

	private static String ls(UUID collection) {
		return "/v0.10/operation/endpoint/" + collection + "/ls";
	}

}
