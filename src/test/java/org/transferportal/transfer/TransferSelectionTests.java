package org.transferportal.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
import org.transferportal.collections.FormPickers;
import org.transferportal.web.WebSliceConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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
@WebMvcTest({ TransferController.class, DraftChoiceController.class })
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

	@MockitoBean
	FormPickers pickers;

	@TestConfiguration(proxyBeanMethods = false)
	static class RealTranslator {

		@Bean
		FormTranslator formTranslator() {
			return new FormTranslator(Clock.systemUTC());
		}

	}

	@BeforeEach
	void emptyPickers() {
		FormPickers.Side none = new FormPickers.Side("source", List.of(), false, null, "", "all", null);
		given(this.pickers.forForm(any(), any(), any(), anyBoolean())).willReturn(new FormPickers.Pickers(none,
				new FormPickers.Side("destination", List.of(), false, null, "", "all", null)));
	}

	@Test
	void searchKeepsTheWholeFormInItsDraftAndComesBackToItWithTheResults() throws Exception {
		given(this.service.keep(eq("d-1"), any())).willReturn(true);
		this.mvc
			.perform(post("/transfer").param("form", "1")
				.param("draft", "d-1")
				.param("label", "Keep me")
				.param("find", "destination")
				.param("destination_q", "tutorial collection")
				.param("destination_scope", "shared-with-me")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl(
					"/transfer/drafts/d-1?find=destination&q=tutorial+collection&scope=shared-with-me#destination_collection"));
		ArgumentCaptor<TransferForm> kept = ArgumentCaptor.forClass(TransferForm.class);
		then(this.service).should().keep(eq("d-1"), kept.capture());
		assertThat(kept.getValue().label()).isEqualTo("Keep me");
		then(this.service).should(org.mockito.Mockito.never()).submit(any(), any(), any(), any());
	}

	@Test
	void enterInASearchBoxHoldingAPastedIdChoosesThatCollection() throws Exception {
		given(this.service.keep(eq("d-1"), any())).willReturn(true);
		this.mvc
			.perform(post("/transfer").param("form", "1")
				.param("draft", "d-1")
				.param("source_path", "/data/")
				.param("source_q", " " + GUEST.toUpperCase() + " ")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/transfer/drafts/d-1#source_collection"));
		ArgumentCaptor<TransferForm> kept = ArgumentCaptor.forClass(TransferForm.class);
		then(this.service).should().keep(eq("d-1"), kept.capture());
		assertThat(kept.getValue().sourceCollection()).isEqualTo(GUEST);
		assertThat(kept.getValue().sourcePath()).isEqualTo("/data/");
	}

	@Test
	void theStartButtonSubmitsEvenWithTextLeftInASearchBox() throws Exception {
		given(this.service.submit(eq("d-1"), any(), any(), any())).willReturn(new TransferOutcome.Submitted("t-1"));
		this.mvc
			.perform(post("/transfer").param("form", "1")
				.param("draft", "d-1")
				.param("start", "1")
				.param("source_q", "forgotten text")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/tasks/t-1"));
		then(this.service).should(org.mockito.Mockito.never()).keep(any(), any());
	}

	@Test
	void browseKeepsTheFormAndOpensTheFileManagerAtThatSidesFolderToChooseForTheDraft() throws Exception {
		given(this.service.keep(eq("d-1"), any())).willReturn(true);
		this.mvc
			.perform(post("/transfer").param("form", "1")
				.param("draft", "d-1")
				.param("browse", "source")
				.param("source_collection", LAB)
				.param("source_path", "/projects/alpha/run 1.csv")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl(
					"/files?pick=source&draft=d-1&a_collection=" + LAB + "&a_path=%2Fprojects%2Falpha%2F"));
	}

	@Test
	void browseWithoutAPathOpensALabCollectionAtTheLabsFolderAndAnyOtherAtItsDefault() throws Exception {
		given(this.service.keep(eq("d-1"), any())).willReturn(true);
		given(this.picker.labCollections())
			.willReturn(List.of(new CollectionPicker.Choice(LAB, "Lab Data", "/projects/", null, null, null)));
		this.mvc
			.perform(post("/transfer").param("form", "1")
				.param("draft", "d-1")
				.param("browse", "source")
				.param("source_collection", LAB)
				.param("source_path", "")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/files?pick=source&draft=d-1&a_collection=" + LAB + "&a_path=%2Fprojects%2F"));
		this.mvc
			.perform(post("/transfer").param("form", "1")
				.param("draft", "d-1")
				.param("browse", "destination")
				.param("destination_collection", GUEST)
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/files?pick=destination&draft=d-1&a_collection=" + GUEST));
	}

	@Test
	void theFileManagersChoiceBecomesOneSideOfTheDraft() throws Exception {
		String draft = "5b8e2c1a-3d4f-4a5b-8c6d-7e8f9a0b1c2d";
		given(this.service.choose(eq(draft), any())).willReturn(true);
		this.mvc
			.perform(post("/transfer/drafts/" + draft + "/choice").param("side", "source")
				.param("collection", LAB)
				.param("folder", "/projects/alpha/")
				.param("item", "raw/", "README.md")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/transfer/drafts/" + draft + "#source_collection"))
			.andExpect(flash().attribute("notice", "Source chosen: 2 items, as a batch."));
		ArgumentCaptor<FormChoice> choice = ArgumentCaptor.forClass(FormChoice.class);
		then(this.service).should().choose(eq(draft), choice.capture());
		TransferForm form = choice.getValue().applyTo(TransferForm.empty());
		assertThat(form.sourceCollection()).isEqualTo(LAB);
		assertThat(form.sourcePath()).isEqualTo("/projects/alpha/");
		assertThat(form.manifest()).isEqualTo("\"raw/\" \"raw/\" --recursive\n\"README.md\" \"README.md\"\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/projects/../etc/", "", "relative/" })
	void aChoiceOfAFolderGlobusWouldRefuseChangesNothing(String folder) throws Exception {
		String draft = "5b8e2c1a-3d4f-4a5b-8c6d-7e8f9a0b1c2d";
		this.mvc
			.perform(post("/transfer/drafts/" + draft + "/choice").param("side", "destination")
				.param("collection", LAB)
				.param("folder", folder)
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/transfer/drafts/" + draft))
			.andExpect(flash().attributeExists("error"));
		then(this.service).shouldHaveNoInteractions();
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
		FormPickers.Option lab = new FormPickers.Option(LAB, "Lab Data <mapped>", "/projects/", true);
		FormPickers.Side source = new FormPickers.Side("source",
				List.of(new FormPickers.Group("Lab collections", List.of(lab))), true, "Lab Data <mapped>", "", "all",
				null);
		FormPickers.Side destination = new FormPickers.Side("destination", List.of(), false, null, "", "all", null);
		given(this.pickers.forForm(eq(LAB), eq(GUEST), isNull(), anyBoolean()))
			.willReturn(new FormPickers.Pickers(source, destination));
		this.mvc
			.perform(get("/transfer").param("source_collection", LAB)
				.param("source_path", "/projects/alpha/")
				.param("destination_collection", GUEST)
				.param("destination_path", "/incoming/")
				.param("label", "Run 1")
				.with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<select id=\"source_collection\" name=\"source_collection\"")))
			.andExpect(content()
				.string(containsString("<option value=\"" + LAB + "\" data-path=\"/projects/\" selected=\"selected\"")))
			.andExpect(content().string(containsString(">Lab Data &lt;mapped&gt;</option>")))
			.andExpect(content().string(containsString("value=\"Run 1\"")))
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
