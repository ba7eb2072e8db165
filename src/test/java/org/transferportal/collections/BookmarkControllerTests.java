package org.transferportal.collections;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Bookmark;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.web.WebSliceConfiguration;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bookmarks page: its name rule, its ids, and what Globus refuses, with the service
 * mocked.
 */
@WebMvcTest(BookmarkController.class)
@Import(WebSliceConfiguration.class)
class BookmarkControllerTests {

	static final UUID ID = UUID.fromString("4a1e3f5c-2d7b-4c8e-9f10-1a2b3c4d5e6f");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BookmarkService bookmarks;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	CollectionNames names;

	@Test
	void aRenameKeepsTheNameWithoutEdgeBlanks() throws Exception {
		this.mvc
			.perform(post("/bookmarks/" + ID + "/rename").param("name", "  Alpha ").with(oauth2Login()).with(csrf()))
			.andExpect(redirectedUrl("/bookmarks"))
			.andExpect(flash().attribute("notice", "Renamed to “Alpha”."));
		then(this.bookmarks).should().rename(ID, "  Alpha ");
	}

	@Test
	void aNameWithALineBreakIsRefusedWithTheTypedTextKeptAndGlobusIsNotAsked() throws Exception {
		this.mvc
			.perform(post("/bookmarks/" + ID + "/rename").param("name", "two\nlines").with(oauth2Login()).with(csrf()))
			.andExpect(redirectedUrl("/bookmarks"))
			.andExpect(flash().attribute("error",
					"A bookmark name cannot contain line breaks or other control characters"))
			.andExpect(flash().attribute("typed", Map.of(ID.toString(), "two\nlines")));
		then(this.bookmarks).shouldHaveNoInteractions();
	}

	@Test
	void aNameGlobusFindsTakenIsExplained() throws Exception {
		willThrow(new GlobusApiException(409, "Conflict", "A bookmark with that name exists", "r", "/bookmark"))
			.given(this.bookmarks)
			.rename(ID, "Alpha");
		this.mvc.perform(post("/bookmarks/" + ID + "/rename").param("name", "Alpha").with(oauth2Login()).with(csrf()))
			.andExpect(flash().attribute("error",
					"Globus refused: A bookmark with that name exists (bookmark names must be unique)."));
	}

	@Test
	void malformedIdsAreNotFoundAndNeverReachTheService() throws Exception {
		for (String id : List.of("abc", "4a1e3f5c-2d7b-4c8e-9f10-1a2b3c4d5e6", "1-2-3-4-5")) {
			this.mvc.perform(post("/bookmarks/" + id + "/rename").param("name", "x").with(oauth2Login()).with(csrf()))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/bookmarks/" + id + "/delete").with(oauth2Login())).andExpect(status().isNotFound());
			this.mvc.perform(post("/bookmarks/" + id + "/delete").with(oauth2Login()).with(csrf()))
				.andExpect(status().isNotFound());
		}
		then(this.bookmarks).shouldHaveNoInteractions();
	}

	@Test
	void deletingAsksFirstThenDeletes() throws Exception {
		given(this.bookmarks.find(ID)).willReturn(Optional.of(new Bookmark(ID.toString(), "Alpha <runs>",
				"1405823f-0597-4a16-b296-46d4f0ae4b15", "/projects/", null)));
		this.mvc.perform(get("/bookmarks/" + ID + "/delete").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Alpha &lt;runs&gt;")));
		this.mvc.perform(post("/bookmarks/" + ID + "/delete").with(oauth2Login()).with(csrf()))
			.andExpect(redirectedUrl("/bookmarks"))
			.andExpect(flash().attributeExists("notice"));
		then(this.bookmarks).should().delete(ID);
	}

	@Test
	void anotherUsersBookmarkIsNotFound() throws Exception {
		given(this.bookmarks.find(ID)).willReturn(Optional.empty());
		this.mvc.perform(get("/bookmarks/" + ID + "/delete").with(oauth2Login())).andExpect(status().isNotFound());
	}

}
