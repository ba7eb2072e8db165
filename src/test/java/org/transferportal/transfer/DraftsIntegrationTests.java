package org.transferportal.transfer;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;
import static org.transferportal.transfer.TransferConsentIntegrationTests.field;
import static org.transferportal.transfer.TransferConsentIntegrationTests.form;

/**
 * Drafts cost storage, so they are made only by a post, once per form, at a bounded rate,
 * and never from a form too large to keep (review M4, L1).
 */
class DraftsIntegrationTests extends FlowTestSupport {

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	@Autowired
	JdbcClient jdbc;

	PortalBrowser browser;

	@BeforeEach
	void logIn() {
		this.browser = newBrowser();
		this.browser.login(PortalBrowser.LOGIN);
		this.globus.stubSubmissionId(UUID.randomUUID().toString());
	}

	@Test
	void showingTheFormOrADeepLinkStoresNothing() {
		assertThat(this.browser.get("/transfer").getStatus()).isEqualTo(200);
		MockHttpServletResponse link = this.browser.get("/transfer?source_collection=" + UUID.randomUUID()
				+ "&source_path=/data/&destination_collection=" + UUID.randomUUID()
				+ "&destination_path=/in/&label=Linked&manifest=" + "a.txt%20b.txt%0A".repeat(1000));
		assertThat(link.getStatus()).isEqualTo(200);
		assertThat(content(link)).containsPattern(KEY.pattern()).doesNotContain("name=\"draft\"");
		assertThat(drafts()).isZero();
	}

	@Test
	void theFirstPostOfAFormMakesItsDraftAndPostingItAgainUsesTheSameOne() {
		Matcher key = KEY.matcher(content(this.browser.get("/transfer")));
		assertThat(key.find()).isTrue();
		Map<String, String> form = form(UUID.randomUUID(), "relative/path", UUID.randomUUID(), "/in/");
		form.put("key", key.group(1));

		MockHttpServletResponse first = this.browser.post("/transfer", form);
		MockHttpServletResponse second = this.browser.post("/transfer", form);

		assertThat(first.getStatus()).isEqualTo(422);
		assertThat(second.getStatus()).isEqualTo(422);
		assertThat(drafts()).isEqualTo(1);
		String draftId = this.jdbc.sql("select id from transfer_request where subject = ?")
			.param(this.browser.user().subject())
			.query(String.class)
			.single();
		assertThat(content(second)).contains("name=\"draft\" value=\"" + draftId + "\"");
	}

	@Test
	void aUserWhoOpensDraftsTooFastIsAskedToSlowDownWithTheFormKept() {
		// 30 a minute: the bucket refills while the loop runs, so count what went in.
		int opened = 0;
		MockHttpServletResponse slowed = null;
		for (int i = 0; i < 60 && slowed == null; i++) {
			MockHttpServletResponse answer = this.browser.post("/transfer", badForm("form " + i));
			if (answer.getStatus() == 429) {
				slowed = answer;
			}
			else {
				assertThat(answer.getStatus()).isEqualTo(422);
				opened++;
			}
		}

		assertThat(slowed).as("slowed down within 60 forms").isNotNull();
		assertThat(opened).isGreaterThanOrEqualTo(30);
		assertThat(content(slowed)).contains("Slow down", "Nothing was submitted")
			.containsPattern(field("label", "form " + opened))
			.containsPattern(KEY.pattern());
		assertThat(drafts()).isEqualTo(opened);
		PortalBrowser other = newBrowser();
		other.login(PortalBrowser.LOGIN);
		assertThat(other.post("/transfer", badForm("someone else")).getStatus()).as("a limit per user").isEqualTo(422);
	}

	@Test
	void aBatchOrFilterRulesTooLargeToKeepAreRefusedBeforeAnythingIsStored() {
		Map<String, String> batch = form(UUID.randomUUID(), "/data/", UUID.randomUUID(), "/in/");
		batch.put("manifest", "a.txt b.txt\n".repeat(100_000));
		MockHttpServletResponse refused = this.browser.post("/transfer", batch);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(content(refused)).contains("A batch can be at most 1 MB");

		Map<String, String> rules = form(UUID.randomUUID(), "/data/", UUID.randomUUID(), "/in/");
		rules.put("filter_rules", "exclude *.tmp\n".repeat(1000));
		assertThat(content(this.browser.post("/transfer", rules))).contains("Filter rules can be at most 10000");

		assertThat(drafts()).isZero();
		assertThat(this.globus.posted("/v0.10/transfer")).isEmpty();
	}

	private static Map<String, String> badForm(String label) {
		Map<String, String> form = form(UUID.randomUUID(), "not-absolute", UUID.randomUUID(), "/in/");
		form.put("label", label);
		return form;
	}

	private int drafts() {
		return this.jdbc.sql("select count(*) from transfer_request where subject = ?")
			.param(this.browser.user().subject())
			.query(Integer.class)
			.single();
	}

}
