package org.transferportal.transfer;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * A deep link cannot hide options (review M1): every option it sets is named in a warning
 * with the Options section open, and a transfer that deletes files at its destination is
 * submitted only with the confirmation its page asks for.
 */
class DeepLinkOptionsIntegrationTests extends FlowTestSupport {

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	private static final Pattern CONFIRMATION = Pattern
		.compile("name=\"confirm_delete\" id=\"confirm_delete\" value=\"([0-9a-f]+)\"");

	PortalBrowser browser;

	UUID source;

	UUID destination;

	String taskId;

	@BeforeEach
	void logIn() {
		this.browser = newBrowser();
		this.browser.login(PortalBrowser.LOGIN);
		this.source = this.globus.guestCollection();
		this.destination = this.globus.guestCollection();
		this.taskId = UUID.randomUUID().toString();
		String submissionId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(submissionId);
		this.globus.stubTask(this.taskId);
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", submissionId, this.taskId))));
	}

	@Test
	void aLinkThatSetsOptionsOpensTheOptionsAndNamesEachOneInAWarning() {
		String page = content(this.browser.get(link("&delete_destination_extra=1&skip_source_errors=yes"
				+ "&notify_on_succeeded=0&sync_level=3&preserve_timestamp=true")));

		String warning = page.substring(page.indexOf("id=\"options-warning\""), page.indexOf("</section>"));
		assertThat(warning).contains("The link you followed set these options")
			.contains("<li>Delete files at the destination that are not in the source</li>",
					"<li>Skip files that cannot be read</li>", "<li>Copy files only if their checksums differ</li>",
					"<li>Preserve modification times</li>", "<li>No email when it succeeds</li>")
			.doesNotContain("Verify checksums", "Encrypt");
		assertThat(page).contains("<details id=\"options\" open")
			.containsPattern("name=\"delete_destination_extra\" value=\"true\" checked")
			.contains("id=\"confirm-delete\"")
			.doesNotContainPattern("name=\"confirm_delete\"[^>]*checked");
	}

	@Test
	void aLinkWithoutOptionsShowsNoWarningAndKeepsTheOptionsClosed() {
		String page = content(this.browser.get(link("")));
		assertThat(page).doesNotContain("options-warning", "id=\"confirm-delete\"")
			.contains("<details id=\"options\">");
	}

	@Test
	void theReviewsLinkThatDeletesIsNotSubmittedUntilTheUserConfirmsOnThePage() {
		// The sketch of review M1: an empty source, a real destination, delete on.
		String page = content(this.browser.get(link("&delete_destination_extra=1&notify_on_succeeded=0")));
		Map<String, String> form = postedAsShown(page);

		MockHttpServletResponse pressed = this.browser.post("/transfer", form);

		assertThat(pressed.getStatus()).isEqualTo(422);
		assertThat(content(pressed)).contains("tick the box to confirm", "id=\"confirm-delete\"");
		assertThat(this.globus.posted("/v0.10/transfer")).isEmpty();

		Matcher confirmation = CONFIRMATION.matcher(content(pressed));
		assertThat(confirmation.find()).isTrue();
		form.put("confirm_delete", confirmation.group(1));
		form.put("form", "1");
		MockHttpServletResponse confirmed = this.browser.post("/transfer", form);
		assertThat(confirmed.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(this.globus.posted("/v0.10/transfer")).singleElement()
			.satisfies((document) -> assertThat(document.path("delete_destination_extra").asBoolean()).isTrue());
	}

	@Test
	void aConfirmationGivenForOneDestinationDoesNotConfirmAnother() {
		String page = content(this.browser.get(link("&delete_destination_extra=1")));
		Map<String, String> form = postedAsShown(page);
		Matcher confirmation = CONFIRMATION.matcher(page);
		assertThat(confirmation.find()).isTrue();
		form.put("confirm_delete", confirmation.group(1));
		form.put("destination_path", "/projects/everything/");

		MockHttpServletResponse answer = this.browser.post("/transfer", form);

		assertThat(answer.getStatus()).isEqualTo(422);
		assertThat(content(answer)).contains("tick the box to confirm");
		assertThat(this.globus.posted("/v0.10/transfer")).isEmpty();
		form.put("confirm_delete", "not-a-confirmation");
		assertThat(this.browser.post("/transfer", form).getStatus()).isEqualTo(422);
		assertThat(this.globus.posted("/v0.10/transfer")).isEmpty();
	}

	private String link(String options) {
		return "/transfer?source_collection=" + this.source + "&source_path=/empty/&destination_collection="
				+ this.destination + "&destination_path=/projects/alpha/&label=Refresh%20alpha" + options;
	}

	/**
	 * What a browser posts when the user presses Start on the page as shown: its hidden
	 * fields, its text fields and the boxes that are ticked.
	 */
	private static Map<String, String> postedAsShown(String page) {
		Map<String, String> form = PortalBrowser.transferForm(null, "", null, "");
		Matcher key = KEY.matcher(page);
		assertThat(key.find()).isTrue();
		form.put("key", key.group(1));
		// Read as a browser would: a text field's value, a collection list's chosen
		// option.
		DemoUserAgent.Page shown = new DemoUserAgent.Page(200, URI.create("http://localhost/transfer"), page);
		for (String name : new String[] { "source_collection", "source_path", "destination_collection",
				"destination_path", "label" }) {
			String value = shown.field(name);
			assertThat(value).as(name).isNotNull();
			form.put(name, value);
		}
		Matcher checked = Pattern.compile("name=\"([a-z_]+)\" value=\"true\" checked").matcher(page);
		form.remove("verify_checksum");
		while (checked.find()) {
			form.put(checked.group(1), "true");
		}
		return form;
	}

}
