package org.transferportal.globus;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * A listing answer of 1.5 MiB passes through the portal's own Globus client, as the
 * application builds it, and renders in the file manager.
 */
class LargeAnswersIntegrationTests extends FlowTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aListingOfOneAndAHalfMebibytesRendersInTheFileManager() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		UUID collection = this.globus.guestCollection();
		String body = listing(1000);
		assertThat(body.length()).isGreaterThan(1536 * 1024);
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + collection + "/ls"))
				.willReturn(FakeGlobus.json(200, body)));

		MockHttpServletResponse page = browser.get("/files?a_collection=" + collection + "&a_path=/objects/");

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("entry-0000-").contains("entry-0999-").doesNotContain("Unreachable");
		this.globus.server()
			.verify(1, getRequestedFor(urlPathEqualTo("/v0.10/operation/endpoint/" + collection + "/ls")));
	}

	/**
	 * A page of the canned listing with long object names: Globus's services write JSON
	 * with non-ASCII characters escaped, six bytes each.
	 */
	private static String listing(int entries) {
		ObjectNode page = (ObjectNode) JSON.readTree(FakeGlobus.body("transfer/ls.json"));
		ObjectNode file = (ObjectNode) page.path("DATA").path(1);
		ArrayNode data = page.putArray("DATA");
		for (int i = 0; i < entries; i++) {
			data.add(file.deepCopy().put("name", "entry-%04d-".formatted(i) + "\u00e9t\u00e9".repeat(110) + ".h5"));
		}
		page.put("path", "/objects/");
		page.put("length", entries);
		page.put("total", entries);
		// Escape as Globus does (Python's json.dumps default), which is what makes the
		// page large.
		StringBuilder escaped = new StringBuilder();
		page.toString()
			.chars()
			.forEach((c) -> escaped.append((c < 128) ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
		return escaped.toString();
	}

}
