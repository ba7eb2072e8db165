package org.transferportal.collections;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Bookmark;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.TransferClient;
import org.transferportal.web.WebSliceConfiguration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bookmarks page's rules: names, ids and what Globus answers, with Globus mocked.
 */
@WebMvcTest(controllers = BookmarkController.class,
		properties = { "portal.lab.collections[0].id=" + BookmarkControllerTests.LAB,
				"portal.lab.collections[0].name=Lab Data" })
@Import(WebSliceConfiguration.class)
class BookmarkControllerTests {

	static final String LAB = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String ID = "0c9e4a52-3f1d-4b7e-9a6c-2d8e1f0a3b5c";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	TransferClient transfer;

	@BeforeEach
	void globusKnowsOneBookmark() {
		given(this.currentUser.transfer()).willReturn(this.transfer);
		given(this.transfer.bookmarks())
			.willReturn(List.of(new Bookmark(ID, "Alpha runs", LAB, "/projects/alpha/", null)));
	}

	@Test
	void theListShowsEachBookmarkWithItsLabCollectionsName() throws Exception {
		this.mvc.perform(get("/bookmarks").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Alpha runs\"")))
			.andExpect(content().string(containsString(">Lab Data</span>")))
			.andExpect(content().string(containsString("/projects/alpha/")));
	}

	@Test
	void aNameOfNoOrMoreThan128CharactersIsRefusedWithWhatTheUserTypedKept() throws Exception {
		for (String name : List.of("", "   ", "x".repeat(129))) {
			MvcResult refused = this.mvc
				.perform(post("/bookmarks/" + ID + "/rename").param("name", name).with(oauth2Login()).with(csrf()))
				.andExpect(redirectedUrl("/bookmarks"))
				.andExpect(flash().attribute("error", "A bookmark name has 1 to 128 characters."))
				.andReturn();
			if (!name.isBlank()) {
				this.mvc.perform(get("/bookmarks").flashAttrs(refused.getFlashMap()).with(oauth2Login()))
					.andExpect(content().string(containsString("A bookmark name has 1 to 128 characters.")))
					.andExpect(content().string(containsString("value=\"" + name + "\"")))
					.andExpect(content().string(not(containsString("value=\"Alpha runs\""))));
			}
		}
		then(this.transfer).should(never()).renameBookmark(any(), any());
	}

	@Test
	void aNameWithAControlCharacterIsRefused() throws Exception {
		this.mvc.perform(
				post("/bookmarks/" + ID + "/rename").param("name", "Alpha\u0007runs").with(oauth2Login()).with(csrf()))
			.andExpect(redirectedUrl("/bookmarks"))
			.andExpect(flash().attribute("error", "A bookmark name cannot contain control characters."));
		then(this.transfer).should(never()).renameBookmark(any(), any());
	}

	@Test
	void aGoodNameIsTrimmedAndSentToGlobusAndTheTypedMarkupComesBackAsText() throws Exception {
		this.mvc
			.perform(post("/bookmarks/" + ID + "/rename").param("name", "  Alpha <runs> & more ")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/bookmarks"))
			.andExpect(flash().attribute("notice", "Renamed to “Alpha <runs> & more”."));
		then(this.transfer).should().renameBookmark(ID, "Alpha <runs> & more");
	}

	@Test
	void whatGlobusRefusesIsSaidInPlainWords() throws Exception {
		willThrow(new GlobusApiException(409, "Conflict", "A bookmark with that name exists", "req-9", null))
			.given(this.transfer)
			.renameBookmark(ID, "Beta");
		this.mvc.perform(post("/bookmarks/" + ID + "/rename").param("name", "Beta").with(oauth2Login()).with(csrf()))
			.andExpect(flash().attribute("error",
					"Globus refused: A bookmark with that name exists (bookmark names must be unique)."));

		willThrow(new GlobusApiException(404, "BookmarkNotFound", "No such bookmark", "req-10", null))
			.given(this.transfer)
			.deleteBookmark(ID);
		this.mvc.perform(post("/bookmarks/" + ID + "/delete").with(oauth2Login()).with(csrf()))
			.andExpect(redirectedUrl("/bookmarks"))
			.andExpect(flash().attribute("error",
					"Globus has no such bookmark for you; it may have been deleted already."));
	}

	@Test
	void deletingAsksFirstThenDeletesAtGlobus() throws Exception {
		this.mvc.perform(get("/bookmarks/" + ID + "/delete").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Alpha runs")))
			.andExpect(content().string(containsString("confirm-delete")));
		then(this.transfer).should(never()).deleteBookmark(any());

		this.mvc.perform(post("/bookmarks/" + ID + "/delete").with(oauth2Login()).with(csrf()))
			.andExpect(redirectedUrl("/bookmarks"))
			.andExpect(flash().attribute("notice", "Bookmark deleted; it is gone from the Globus web app too."));
		then(this.transfer).should().deleteBookmark(ID);
	}

	@Test
	void aBookmarkNotInTheUsersListHasNoConfirmationPage() throws Exception {
		this.mvc.perform(get("/bookmarks/7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/delete").with(oauth2Login()))
			.andExpect(status().isNotFound());
	}

	@Test
	void idsThatAreNotUuidsNeverReachGlobus() throws Exception {
		for (String id : List.of("not-an-id", "..%2Fendpoint", "0C9E4A52-3F1D-4B7E-9A6C-2D8E1F0A3B5")) {
			this.mvc.perform(get("/bookmarks/" + id + "/delete").with(oauth2Login()))
				.andExpect(status().is4xxClientError());
			this.mvc.perform(post("/bookmarks/" + id + "/delete").with(oauth2Login()).with(csrf()))
				.andExpect(status().is4xxClientError());
			this.mvc.perform(post("/bookmarks/" + id + "/rename").param("name", "x").with(oauth2Login()).with(csrf()))
				.andExpect(status().is4xxClientError());
		}
		then(this.transfer).should(never()).renameBookmark(any(), any());
		then(this.transfer).should(never()).deleteBookmark(any());
	}

}
