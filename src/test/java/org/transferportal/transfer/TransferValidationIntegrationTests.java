package org.transferportal.transfer;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;
import static org.transferportal.transfer.TransferConsentIntegrationTests.field;
import static org.transferportal.transfer.TransferConsentIntegrationTests.form;

/**
 * A form with mistakes comes back with a message per field and everything the user typed,
 * and nothing reaches Transfer.
 */
class TransferValidationIntegrationTests extends FlowTestSupport {

	static final String DOT_SEGMENT = "A path cannot contain . or .. as a folder name: give the folder itself";

	PortalBrowser browser;

	@BeforeEach
	void logIn() {
		this.browser = newBrowser();
		this.browser.login(PortalBrowser.LOGIN);
		// The login lands on the home page, which names the collections of the user's
		// recent transfers (made by other classes in this context) with Globus's help;
		// what counts here is what the form sends.
		this.globus.server().resetRequests();
		this.globus.stubSubmissionId(UUID.randomUUID().toString());
	}

	@Test
	void badFieldsComeBackAs422WithAMessageEachAndTheValuesKept() {
		Map<String, String> form = form(null, "/data/file.txt", UUID.randomUUID(), "incoming/file.txt");
		form.put("source_collection", "not-a-uuid");
		form.put("label", "x".repeat(129));
		form.put("deadline", "2001-01-01T00:00");
		MockHttpServletResponse page = this.browser.post("/transfer", form);
		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(content(page))
			.contains("A collection id is a UUID like", "A path must be absolute",
					"A label can have at most 128 characters", "The deadline must be in the future")
			// The collection picker is a select: the typed value stays as its chosen
			// option.
			.contains("<option value=\"not-a-uuid\" selected=\"selected\">not-a-uuid</option>")
			.containsPattern(field("source_path", "/data/file.txt"))
			.containsPattern(field("destination_path", "incoming/file.txt"))
			.containsPattern(field("label", "x".repeat(129)))
			.containsPattern(field("deadline", "2001-01-01T00:00"));
		assertNothingSentToTransfer();
	}

	@Test
	void controlCharactersInPathsAndLabelsAreRefused() {
		Map<String, String> form = form(UUID.randomUUID(), "/data/a\u0007b", UUID.randomUUID(), "/in/");
		form.put("label", "two\nlines");
		MockHttpServletResponse page = this.browser.post("/transfer", form);
		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(content(page)).contains("A path cannot contain control characters",
				"A label cannot contain line breaks or control characters");
		assertNothingSentToTransfer();
	}

	@Test
	void aManifestWithBadLinesReportsEachLineAndSubmitsNothing() {
		Map<String, String> form = form(UUID.randomUUID(), "/data/", UUID.randomUUID(), "/in/");
		form.put("manifest", "a.txt b.txt\nonly-one-path\n# a comment\nc.txt d.txt --bogus\n\"unclosed e.txt\n");
		MockHttpServletResponse page = this.browser.post("/transfer", form);
		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(content(page))
			.contains("Line 2: expected a source path and a destination path",
					"Line 4: unknown option &#39;--bogus&#39;", "Line 5: unclosed quote")
			.doesNotContain("Line 1:", "Line 3:")
			.contains("a.txt b.txt");
		assertNothingSentToTransfer();
	}

	@Test
	void aPathWithADotSegmentIsRefusedNextToItsFieldWithTheFormKept() {
		Map<String, String> form = form(UUID.randomUUID(), "/share/../../etc/passwd", UUID.randomUUID(), "/in/./x/");
		MockHttpServletResponse page = this.browser.post("/transfer", form);
		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(content(page))
			.containsPattern(field("source_path", "/share/../../etc/passwd") + "[^>]*>\\s*<p class=\"field-error\">"
					+ DOT_SEGMENT)
			.containsPattern(
					field("destination_path", "/in/./x/") + "[^>]*>\\s*<p class=\"field-error\">" + DOT_SEGMENT);
		assertNothingSentToTransfer();
	}

	@Test
	void aBatchLineThatClimbsOutOfItsFolderIsRefusedByLine() {
		Map<String, String> form = form(UUID.randomUUID(), "/data/", UUID.randomUUID(), "/in/");
		form.put("manifest", "ok.txt ok.txt\n../../etc/passwd stolen.txt\na.txt ./b.txt\n\"x/..\" y --recursive\n");
		MockHttpServletResponse page = this.browser.post("/transfer", form);
		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(content(page)).contains("Line 2: " + DOT_SEGMENT, "Line 3: " + DOT_SEGMENT, "Line 4: " + DOT_SEGMENT)
			.doesNotContain("Line 1:")
			.contains("../../etc/passwd stolen.txt");
		assertNothingSentToTransfer();
	}

	@Test
	void aDeepLinkWithAnEncodedDotSegmentShowsTheProblemAtOnceAndSubmittingItSendsNothing() {
		UUID source = UUID.randomUUID();
		MockHttpServletResponse page = this.browser.get("/transfer?source_collection=" + source
				+ "&source_path=/share/%2E%2E/%2e%2e/etc/passwd&destination_collection=" + UUID.randomUUID()
				+ "&destination_path=/in/");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).containsPattern(
				field("source_path", "/share/../../etc/passwd") + "[^>]*>\\s*<p class=\"field-error\">" + DOT_SEGMENT);
		Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(content(page));
		assertThat(key.find()).isTrue();
		Map<String, String> form = form(source, "/share/../../etc/passwd", UUID.randomUUID(), "/in/");
		form.put("key", key.group(1));
		assertThat(this.browser.post("/transfer", form).getStatus()).isEqualTo(422);
		assertNothingSentToTransfer();
	}

	private void assertNothingSentToTransfer() {
		this.globus.server().verify(0, postRequestedFor(urlEqualTo("/v0.10/transfer")));
		this.globus.server().verify(0, getRequestedFor(urlPathMatching("/v0.10/endpoint/.*")));
	}

}
