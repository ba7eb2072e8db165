package org.transferportal.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionPicker;
import org.transferportal.web.WebSliceConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The file manager's selection lands in the transfer form; the contract's deep link is
 * unchanged.
 */
@WebMvcTest(TransferController.class)
@Import(WebSliceConfiguration.class)
class TransferSelectionTests {

	static final String LAB = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String GUEST = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TransferService service;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	CollectionPicker picker;

	@TestConfiguration(proxyBeanMethods = false)
	static class RealTranslator {

		@Bean
		FormTranslator formTranslator() {
			return new FormTranslator(Clock.systemUTC());
		}

	}

	@Test
	void theSelectionOpensADraftWithABatchOfRelativeNames() throws Exception {
		given(this.service.open(eq("selection"), any(), any())).willReturn(draft("d-1"));
		this.mvc
			.perform(post("/transfer/selection").param("source_collection", LAB)
				.param("source_path", "/projects/alpha/")
				.param("destination_collection", GUEST)
				.param("destination_path", "/incoming/")
				.param("item", "README.md", "raw/")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/transfer/drafts/d-1"));
		ArgumentCaptor<TransferForm> form = ArgumentCaptor.forClass(TransferForm.class);
		then(this.service).should().open(eq("selection"), any(), form.capture());
		assertThat(form.getValue().sourcePath()).isEqualTo("/projects/alpha/");
		assertThat(form.getValue().destinationCollection()).isEqualTo(GUEST);
		assertThat(form.getValue().manifest())
			.isEqualTo("\"README.md\" \"README.md\"\n\"raw/\" \"raw/\" --recursive\n");
		assertThat(form.getValue().verifyChecksum()).isTrue();
	}

	@Test
	void anEmptySelectionGoesBackToTheFileManager() throws Exception {
		this.mvc
			.perform(post("/transfer/selection").param("source_collection", LAB)
				.param("back", "/files?a_collection=" + LAB)
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/files?a_collection=" + LAB))
			.andExpect(flash().attributeExists("error"));
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void theDeepLinkStillShowsThePrefilledFormWithAKeyAndOpensNoDraft() throws Exception {
		UUID key = UUID.randomUUID();
		given(this.service.newForm()).willReturn(key);
		given(this.picker.labCollections())
			.willReturn(List.of(new CollectionPicker.Choice(LAB, "Lab Data <mapped>", "/projects/", null, null, null)));
		this.mvc
			.perform(get("/transfer").param("source_collection", LAB)
				.param("source_path", "/projects/alpha/")
				.param("destination_collection", GUEST)
				.param("destination_path", "/incoming/")
				.param("label", "Run 1")
				.with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"source_collection\" list=\"lab-collections\"")))
			.andExpect(content().string(containsString("value=\"" + LAB + "\"")))
			.andExpect(content().string(containsString("value=\"Run 1\"")))
			.andExpect(content().string(containsString("label=\"Lab Data &lt;mapped&gt;\"")))
			.andExpect(content().string(containsString("name=\"key\" value=\"" + key + "\"")))
			.andExpect(content().string(not(containsString("name=\"draft\""))));
		then(this.service).should().newForm();
		// Checking the schedule section the link filled in reads nothing and stores
		// nothing.
		then(this.service).should().checkSchedule(any());
		then(this.service).shouldHaveNoMoreInteractions();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/filesystem", "//evil.example/files", "https://evil.example/files?x", "/files\\x" })
	void anEmptySelectionNeverLeavesTheFileManager(String back) throws Exception {
		this.mvc.perform(post("/transfer/selection").param("back", back).with(oauth2Login()).with(csrf()))
			.andExpect(redirectedUrl("/files"));
	}

	@Test
	void aDeepLinkWithADotSegmentShowsItsProblemNextToThePathAtOnceWithTheValueKept() throws Exception {
		given(this.service.newForm()).willReturn(UUID.randomUUID());
		this.mvc
			.perform(get("/transfer").param("source_collection", LAB)
				.param("source_path", "/share/../../etc/passwd")
				.param("destination_path", "/a/./b/")
				.with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(
					matchesPattern("(?s).*name=\"source_path\"[^>]*value=\"/share/\\.\\./\\.\\./etc/passwd\"[^>]*>\\s*"
							+ "<p class=\"field-error\">A path cannot contain \\. or \\.\\. as a folder name: give the folder itself</p>.*")))
			.andExpect(content().string(containsString("value=\"/a/./b/\"")))
			.andExpect(content().string(not(containsString("Choose a collection"))));
	}

	private static TransferDrafts.Draft draft(String id) {
		return new TransferDrafts.Draft(id, "subject", "alice@globusid.org", "DRAFT", TransferForm.empty(), null, null,
				0, null, Instant.now(), null);
	}

}
