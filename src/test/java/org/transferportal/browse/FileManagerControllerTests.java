package org.transferportal.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.BookmarkService;
import org.transferportal.collections.CollectionPicker.Choice;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.web.WebSliceConfiguration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
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
 * The file manager page and its folder actions, with the service mocked.
 */
@WebMvcTest(FileManagerController.class)
@Import(WebSliceConfiguration.class)
class FileManagerControllerTests {

	static final String LAB = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String GUEST = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FileManagerService service;

	@MockitoBean
	FolderService folders;

	@MockitoBean
	BookmarkService bookmarks;

	@MockitoBean
	CurrentUser currentUser;

	@Test
	void bothPanesShowTheirFoldersWithCheckboxesAndTheTransferButton() throws Exception {
		given(this.service.open(any())).willAnswer((call) -> {
			FileManagerState state = call.getArgument(0);
			return new FileManagerService.Page(
					PaneView.listed("a", state.left(), listing(LAB, "/projects/alpha/", "<img src=x>.txt")),
					PaneView.listed("b", state.right(), listing(GUEST, "/incoming/")));
		});
		this.mvc
			.perform(get("/files").param("a_collection", LAB)
				.param("a_path", "/projects/alpha/")
				.param("b_collection", GUEST)
				.with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"transfer-a\"")))
			.andExpect(content().string(containsString("name=\"item\"")))
			.andExpect(content().string(containsString("value=\"raw/\"")))
			.andExpect(content().string(containsString("&lt;img src=x&gt;.txt")))
			.andExpect(content().string(not(containsString("<img src=x>"))))
			.andExpect(content().string(containsString("name=\"destination_path\" value=\"/incoming/\"")));
	}

	@Test
	void aPaneWithoutCollectionOffersLabCollectionsBookmarksAndSearchScopes() throws Exception {
		given(this.service.open(any())).willAnswer((call) -> {
			FileManagerState state = call.getArgument(0);
			List<Choice> lab = List.of(new Choice(LAB, "Lab Data", "/projects/", null, null, null));
			List<Choice> bookmarks = List.of(new Choice(GUEST, "My results", "/results/", "b1", null, null));
			return new FileManagerService.Page(PaneView.picker("a", state.left(), lab, bookmarks, List.of(), null),
					PaneView.picker("b", state.right(), lab, bookmarks, List.of(), null));
		});
		this.mvc.perform(get("/files").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lab Data")))
			.andExpect(content().string(containsString("My results")))
			.andExpect(content().string(containsString("value=\"shared-with-me\"")))
			.andExpect(content().string(containsString("value=\"administered-by-me\"")))
			.andExpect(
					content().string(containsString("href=\"/files?a_collection=" + LAB + "&amp;a_path=/projects/\"")));
	}

	@Test
	void aPaneNeedingConsentShowsAGrantAccessButtonThatComesBackHere() throws Exception {
		given(this.service.open(any())).willAnswer((call) -> {
			FileManagerState state = call.getArgument(0);
			return new FileManagerService.Page(
					PaneView.needs("a", state.left(), "Lab Data", "Globus needs your consent.",
							"Allow access to Lab Data"),
					PaneView.picker("b", state.right(), List.of(), List.of(), List.of(), null));
		});
		this.mvc.perform(get("/files").param("a_collection", LAB).with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"grant-access-a\"")))
			.andExpect(content().string(containsString("Globus needs your consent.")))
			.andExpect(content().string(containsString(">Allow access to Lab Data</button>")))
			.andExpect(content().string(not(containsString("Exception"))));
		given(this.folders.grantAccess(any(), any(), any())).willReturn("/oauth2/authorization/globus?pending=1");
		this.mvc
			.perform(post("/files/consent").param("collection", LAB)
				.param("path", "/projects/")
				.param("back", "/files?a_collection=" + LAB)
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/oauth2/authorization/globus?pending=1"));
		then(this.folders).should().grantAccess(UUID.fromString(LAB), "/projects/", "/files?a_collection=" + LAB);
	}

	@Test
	void aGlobusProblemInAPaneShowsItsRequestIdNotAnErrorPage() throws Exception {
		given(this.service.open(any())).willAnswer((call) -> {
			FileManagerState state = call.getArgument(0);
			return new FileManagerService.Page(
					PaneView.other("a", state.left(), "problem", LAB, "Directory not found", "req-123"),
					PaneView.picker("b", state.right(), List.of(), List.of(), List.of(), null));
		});
		this.mvc.perform(get("/files").param("a_collection", LAB).param("a_path", "/nope/").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Directory not found")))
			.andExpect(content().string(containsString("req-123")));
	}

	@Test
	void makeFolderCreatesItAndReturnsToTheSamePage() throws Exception {
		String back = "/files?a_collection=" + LAB + "&a_path=/projects/";
		this.mvc
			.perform(post("/files/mkdir").param("collection", LAB)
				.param("path", "/projects")
				.param("name", "new one")
				.param("back", back)
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl(back))
			.andExpect(flash().attributeExists("notice"));
		then(this.folders).should().makeFolder(UUID.fromString(LAB), "/projects/new one/");
	}

	@Test
	void renameRefusesNamesWithSlashesAndNeverLeavesThePortal() throws Exception {
		this.mvc
			.perform(post("/files/rename").param("collection", LAB)
				.param("path", "/projects/")
				.param("old", "a.txt")
				.param("new_name", "../b.txt")
				.param("back", "https://evil.example/")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/files"))
			.andExpect(flash().attribute("toolProblem",
					new ToolProblem("a", ToolProblem.RENAME, "A name cannot contain /", "../b.txt", null)));
		then(this.folders).shouldHaveNoInteractions();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					..                 | /projects/          | A name cannot be . or ..
					a/b                | /projects/          | A name cannot contain /
					new                | /projects/../etc/   | A path cannot contain . or .. as a folder name: give the folder itself
					new                | projects/           | A path must be absolute: start it with / (or /~/ for your home folder)
					""")
	void aNewFolderWithABadNameOrPlaceIsRefusedNextToItsFieldAndGlobusIsNotAsked(String typed, String folder,
			String problem) throws Exception {
		this.mvc
			.perform(post("/files/mkdir").param("collection", LAB)
				.param("path", folder)
				.param("name", typed)
				.param("pane", "b")
				.param("back", "/files?b_collection=" + LAB)
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/files?b_collection=" + LAB))
			.andExpect(flash().attribute("toolProblem", new ToolProblem("b", ToolProblem.MKDIR, problem, typed, null)));
		then(this.folders).shouldHaveNoInteractions();
	}

	@Test
	void aNewFolderNamedWithAControlCharacterIsRefused() throws Exception {
		for (String name : List.of("x\u0000y", "two\nlines", "bell\u0007")) {
			this.mvc
				.perform(post("/files/mkdir").param("collection", LAB)
					.param("path", "/projects/")
					.param("name", name)
					.with(oauth2Login())
					.with(csrf()))
				.andExpect(flash().attribute("toolProblem",
						hasToString(containsString("message=" + "A name cannot contain control characters"))));
		}
		then(this.folders).shouldHaveNoInteractions();
	}

	@Test
	void aNewFolderWhosePathWouldBeTooLongIsRefused() throws Exception {
		String deep = "/" + "d/".repeat(2000);
		this.mvc
			.perform(post("/files/mkdir").param("collection", LAB)
				.param("path", deep)
				.param("name", "x".repeat(200))
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(flash().attribute("toolProblem",
					hasToString(containsString("message=" + "A path can have at most 4096 characters"))));
		then(this.folders).shouldHaveNoInteractions();
	}

	@Test
	void aCollectionIdThatIsNotCanonicalReachesNoTool() throws Exception {
		for (String tool : List.of("/files/mkdir", "/files/rename", "/files/bookmark", "/files/consent")) {
			this.mvc
				.perform(post(tool).param("collection", "1-2-3-4-5")
					.param("path", "/projects/")
					.param("name", "x")
					.param("old", "a")
					.param("new_name", "b")
					.with(oauth2Login())
					.with(csrf()))
				.andExpect(redirectedUrl("/files"));
		}
		then(this.folders).shouldHaveNoInteractions();
		then(this.bookmarks).shouldHaveNoInteractions();
	}

	@Test
	void aGrantAccessForAPathWithADotSegmentGoesNowhere() throws Exception {
		this.mvc
			.perform(post("/files/consent").param("collection", LAB)
				.param("path", "/projects/./x/")
				.param("back", "/files?a_collection=" + LAB)
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/files?a_collection=" + LAB))
			.andExpect(flash().attributeExists("error"));
		then(this.folders).shouldHaveNoInteractions();
	}

	@Test
	void aToolsProblemIsShownNextToItsFieldWithWhatWasTyped() throws Exception {
		given(this.service.open(any())).willAnswer((call) -> {
			FileManagerState state = call.getArgument(0);
			return new FileManagerService.Page(PaneView.listed("a", state.left(), listing(LAB, "/projects/alpha/")),
					PaneView.listed("b", state.right(), listing(GUEST, "/incoming/")));
		});
		this.mvc
			.perform(get("/files").param("a_collection", LAB)
				.param("b_collection", GUEST)
				.flashAttr("toolProblem",
						new ToolProblem("b", ToolProblem.BOOKMARK, "A bookmark name has 1 to 128 characters",
								"<b>" + "x".repeat(130), null))
				.with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<details class=\"tools\" open=\"open\">")))
			.andExpect(content().string(containsString("id=\"b-bookmark-problem\"")))
			.andExpect(content().string(containsString("A bookmark name has 1 to 128 characters")))
			.andExpect(content().string(containsString("value=\"&lt;b&gt;" + "x".repeat(130) + "\"")))
			.andExpect(content().string(not(containsString("id=\"a-bookmark-problem\""))));
	}

	@Test
	void renameReportsWhatGlobusSaid() throws Exception {
		willThrow(new GlobusApiException(409, "Exists", "Destination exists", "req-9", "/rename")).given(this.folders)
			.rename(any(), any(), any());
		this.mvc
			.perform(post("/files/rename").param("collection", LAB)
				.param("path", "/projects/")
				.param("old", "raw/")
				.param("new_name", "cooked")
				.param("back", "/files")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/files"))
			.andExpect(flash().attribute("toolProblem", new ToolProblem("a", ToolProblem.RENAME,
					"Globus could not rename it: Destination exists", "cooked", "req-9")));
		then(this.folders).should().rename(UUID.fromString(LAB), "/projects/raw", "/projects/cooked");
	}

	@Test
	void bookmarkSavesThisPlace() throws Exception {
		this.mvc
			.perform(post("/files/bookmark").param("collection", LAB)
				.param("path", "/projects/alpha/")
				.param("name", "Alpha")
				.param("back", "/files")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(redirectedUrl("/files"));
		then(this.bookmarks).should().add("Alpha", UUID.fromString(LAB), "/projects/alpha/");
	}

	@Test
	void aBookmarkOfAFolderWithADotSegmentOrWithALongNameIsRefused() throws Exception {
		this.mvc
			.perform(post("/files/bookmark").param("collection", LAB)
				.param("path", "/projects/../../etc/")
				.param("name", "Alpha")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(flash().attributeExists("toolProblem"));
		this.mvc
			.perform(post("/files/bookmark").param("collection", LAB)
				.param("path", "/projects/")
				.param("name", "x".repeat(129))
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(flash().attribute("toolProblem", new ToolProblem("a", ToolProblem.BOOKMARK,
					"A bookmark name has 1 to 128 characters", "x".repeat(129), null)));
		then(this.bookmarks).shouldHaveNoInteractions();
	}

	@Test
	void anOldBrowseLinkMovesPermanentlyToTheSameFolderInTheLeftPane() throws Exception {
		this.mvc
			.perform(get("/browse").param("collection", LAB)
				.param("path", "/projects/a b+c/")
				.param("offset", "500")
				.with(oauth2Login()))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl("/files?a_collection=" + LAB + "&a_path=/projects/a+b%2Bc/&a_offset=500"));
		this.mvc.perform(get("/browse").with(oauth2Login()))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl("/files"));
		this.mvc.perform(get("/browse/anything").param("collection", GUEST).with(oauth2Login()))
			.andExpect(redirectedUrl("/files?a_collection=" + GUEST));
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void theFolderOffersToTransferFromOrIntoItThroughTheForm() throws Exception {
		given(this.service.open(any())).willAnswer((call) -> {
			FileManagerState state = call.getArgument(0);
			return new FileManagerService.Page(PaneView.listed("a", state.left(), listing(LAB, "/projects/")),
					PaneView.picker("b", state.right(), List.of(), List.of(), List.of(), null));
		});
		this.mvc.perform(get("/files").param("a_collection", LAB).with(oauth2Login()))
			.andExpect(content().string(containsString("href=\"/transfer?source_collection=" + LAB
					+ "&amp;source_path=/projects/\" id=\"transfer-from-a\"")))
			.andExpect(content().string(containsString("href=\"/transfer?destination_collection=" + LAB
					+ "&amp;destination_path=/projects/\" id=\"transfer-into-a\"")));
	}

	private static Listing listing(String collection, String path, String... files) {
		List<Listing.Entry> entries = new ArrayList<>();
		entries.add(new Listing.Entry("raw", true, path + "raw/", "", null, false));
		for (String file : files) {
			entries.add(new Listing.Entry(file, false, path + file, "1 kB",
					java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"), false));
		}
		return new Listing(collection, "Collection", path, entries, 0, entries.size(), PaneState.PAGE_SIZE,
				Listing.Https.NONE);
	}

}
