package org.transferportal.collections;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Collection documents are cached per user: what Globus shows one user is never served to
 * another (review L5).
 */
class CollectionDocumentsIntegrationTests extends FlowTestSupport {

	@Test
	void userBCannotLearnTheNameOfACollectionOnlyUserACanSee() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		PortalBrowser bob = newBrowser();
		bob.login(PortalBrowser.LOGIN);
		UUID hidden = UUID.randomUUID();
		String name = "Private sequencing runs 7Q";
		String path = "/v0.10/endpoint/" + hidden;
		String document = FakeGlobus.body("transfer/endpoint_mapped.json")
			.replace("1405823f-0597-4a16-b296-46d4f0ae4b15", hidden.toString())
			.replace("Lab Data (mapped)", name);
		this.globus.server()
			.stubFor(get(urlEqualTo(path))
				.withHeader("Authorization", equalTo("Bearer " + alice.tokens().transferAccess()))
				.willReturn(FakeGlobus.json(200, document)));
		this.globus.server()
			.stubFor(get(urlEqualTo(path))
				.withHeader("Authorization", equalTo("Bearer " + bob.tokens().transferAccess()))
				.willReturn(FakeGlobus.json(404, FakeGlobus.body("errors/endpoint_not_found.json"))));
		String folder = "/files?a_collection=" + hidden + "&a_path=/";

		assertThat(content(alice.open(folder))).contains(name);
		MockHttpServletResponse bobsPage = bob.open(folder);

		assertThat(content(bobsPage)).doesNotContain(name).doesNotContain("sequencing");
		this.globus.server()
			.verify(getRequestedFor(urlEqualTo(path)).withHeader("Authorization",
					equalTo("Bearer " + bob.tokens().transferAccess())));
	}

	@Test
	void aUsersOwnDocumentIsFetchedOnceAndThenServedFromTheCache() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID guest = this.globus.guestCollection();
		String folder = "/files?a_collection=" + guest + "&a_path=/";
		alice.open(folder);
		alice.open(folder);
		this.globus.server().verify(1, getRequestedFor(urlEqualTo("/v0.10/endpoint/" + guest)));
	}

}
