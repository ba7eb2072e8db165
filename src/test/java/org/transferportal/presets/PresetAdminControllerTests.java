package org.transferportal.presets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionNames;
import org.transferportal.collections.CollectionPicker;
import org.transferportal.collections.FormPickers;
import org.transferportal.transfer.PreparedTransfers;
import org.transferportal.transfer.TransferForm;
import org.transferportal.web.WebSliceConfiguration;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
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
 * The admins' preset editor: its messages, the admin's values kept, and concurrent edits,
 * with the preset rules of {@link PresetService} real and the database and the transfer
 * checks mocked.
 */
@WebMvcTest(controllers = PresetAdminController.class,
		properties = { "portal.lab.collections[0].id=" + PresetAdminControllerTests.LAB,
				"portal.lab.collections[0].name=Lab Data", "portal.lab.admins=" + PresetAdminControllerTests.ADMIN })
@Import({ WebSliceConfiguration.class, PresetService.class, FormPickers.class })
class PresetAdminControllerTests {

	static final String LAB = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String ADMIN = "lab-admin@uchicago.edu";

	final String id = UUID.randomUUID().toString();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PresetStore store;

	@MockitoBean
	PreparedTransfers transfers;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	CollectionPicker picker;

	@MockitoBean
	CollectionNames names;

	@BeforeEach
	void anAdminWhoseTransferIsValid() {
		given(this.picker.labCollections())
			.willReturn(List.of(new CollectionPicker.Choice(LAB, "Lab Data", "/projects/", null, null, null)));
		given(this.currentUser.username()).willReturn(ADMIN);
		given(this.currentUser.profileOrNull()).willReturn(profile(ADMIN));
		given(this.transfers.check(any())).willReturn(Map.of());
	}

	@Test
	void aMemberWhoIsNotAnAdminIsRefusedByTheEditorItselfWhateverTheUrlRules() throws Exception {
		given(this.currentUser.username()).willReturn("member@globusid.org");
		given(this.currentUser.profileOrNull()).willReturn(profile("member@globusid.org"));
		this.mvc.perform(get("/lab/admin/presets/new").with(oauth2Login())).andExpect(status().isForbidden());
		this.mvc.perform(post("/lab/admin/presets").param("name", "Nightly").with(oauth2Login()).with(csrf()))
			.andExpect(status().isForbidden());
		then(this.store).should(never()).create(any(), any(), any(), any());
	}

	@Test
	void aNewPresetStartsAsAnEmptyEditorOfferingTheLabsCollections() throws Exception {
		this.mvc.perform(get("/lab/admin/presets/new").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("New lab preset")))
			.andExpect(content().string(containsString("action=\"/lab/admin/presets\"")))
			.andExpect(content().string(containsString("Lab Data")));
	}

	@Test
	void saveAsLabPresetFromTheTransferFormOpensTheEditorFilledIn() throws Exception {
		this.mvc
			.perform(post("/lab/admin/presets/new").param("form", "1")
				.param("source_collection", LAB)
				.param("source_path", "/projects/alpha/")
				.with(oauth2Login())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"/projects/alpha/\"")));
		then(this.store).should(never()).create(any(), any(), any(), any(), any());
	}

	@Test
	void aSavedPresetGoesBackToTheListWithANoticeUnderItsCleanedName() throws Exception {
		given(this.store.create(eq("Alpha nightly"), eq("Every night"), any(), eq(ADMIN), isNull()))
			.willReturn(preset("Alpha nightly", 1, ADMIN));

		this.mvc.perform(save("/lab/admin/presets", "  Alpha   nightly ", 0))
			.andExpect(redirectedUrl("/presets"))
			.andExpect(flash().attribute("notice", "Preset “Alpha nightly” was saved."));
	}

	@Test
	void aPresetWithoutANameOrWithBadTransferFieldsComesBackWith422EachMessageAndTheValuesKept() throws Exception {
		given(this.transfers.check(any())).willReturn(Map.of("source_path", "Give an absolute source path"));

		this.mvc.perform(save("/lab/admin/presets", "   ", 0, "source_path", "relative/<b>"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("nothing was saved")))
			.andExpect(content().string(containsString("Give the preset a name")))
			.andExpect(content().string(containsString("Give an absolute source path")))
			.andExpect(content().string(containsString("value=\"relative/&lt;b&gt;\"")))
			.andExpect(content().string(containsString(">Every night</textarea>")));
		then(this.store).should(never()).create(any(), any(), any(), any(), any());
	}

	@Test
	void aNameTooLongOrWithAControlCharacterAndADescriptionTooLongAreRefused() throws Exception {
		this.mvc.perform(save("/lab/admin/presets", "x".repeat(81), 0))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A name can have at most 80 characters")));
		this.mvc.perform(save("/lab/admin/presets", "Alpha\u0000nightly", 0))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A name cannot contain control characters")));
		this.mvc.perform(save("/lab/admin/presets", "Alpha", 0, "description", "d".repeat(501)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A description can have at most 500 characters")));
		then(this.store).should(never()).create(any(), any(), any(), any(), any());
	}

	@Test
	void aNameTheLabAlreadyUsesIsAMessageNextToTheName() throws Exception {
		given(this.store.create(any(), any(), any(), any(), any())).willThrow(new DuplicateKeyException("unique name"));

		this.mvc.perform(save("/lab/admin/presets", "Alpha", 0))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The lab already has a preset with this name")));
	}

	@Test
	void aPresetSavedMeanwhileBySomeoneElseKeepsTheAdminsChangesAndTakesTheirVersion() throws Exception {
		given(this.store.find(this.id)).willReturn(Optional.of(preset("Alpha", 3, "bob@uchicago.edu")));
		given(this.store.update(eq(this.id), eq(2), any(), any(), any(), any(), any())).willReturn(false);

		this.mvc.perform(save("/lab/admin/presets/" + this.id, "Alpha, my way", 2))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else (bob@uchicago.edu) saved this preset")))
			.andExpect(content().string(containsString("value=\"Alpha, my way\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"3\"")))
			.andExpect(content().string(containsString("action=\"/lab/admin/presets/" + this.id + "\"")));
	}

	@Test
	void aPresetDeletedMeanwhileIsOfferedToBeCreatedAgain() throws Exception {
		given(this.store.find(this.id)).willReturn(Optional.of(preset("Alpha", 3, "bob@uchicago.edu")),
				Optional.empty());
		given(this.store.update(any(), anyInt(), any(), any(), any(), any(), any())).willReturn(false);

		this.mvc.perform(save("/lab/admin/presets/" + this.id, "Alpha, my way", 3))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone deleted this preset while you were editing it")))
			.andExpect(content().string(containsString("value=\"Alpha, my way\"")))
			.andExpect(content().string(containsString("action=\"/lab/admin/presets\"")));
	}

	@Test
	void aVersionThatIsNotANumberCountsAsNone() throws Exception {
		given(this.store.find(this.id)).willReturn(Optional.of(preset("Alpha", 3, ADMIN)));
		given(this.store.update(eq(this.id), anyInt(), any(), any(), any(), any(), any())).willReturn(true);

		this.mvc.perform(save("/lab/admin/presets/" + this.id, "Alpha", 0, "version", "3; drop"))
			.andExpect(redirectedUrl("/presets"));
		then(this.store).should().update(eq(this.id), eq(0), eq("Alpha"), any(), any(), eq(ADMIN), isNull());
	}

	@Test
	void deletingAsksFirstAndThenSaysWhichPresetWentAway() throws Exception {
		given(this.store.find(this.id)).willReturn(Optional.of(preset("Alpha <nightly>", 1, ADMIN)));
		given(this.store.delete(this.id)).willReturn(true);

		this.mvc.perform(get("/lab/admin/presets/" + this.id + "/delete").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Alpha &lt;nightly&gt;")));
		then(this.store).should(never()).delete(any());
		this.mvc.perform(post("/lab/admin/presets/" + this.id + "/delete").with(oauth2Login()).with(csrf()))
			.andExpect(redirectedUrl("/presets"))
			.andExpect(flash().attribute("notice", "Preset “Alpha <nightly>” was deleted."));
		then(this.store).should().delete(this.id);
	}

	@Test
	void unknownAndMalformedPresetIdsAreNotFoundAndChangeNothing() throws Exception {
		given(this.store.find(anyString())).willReturn(Optional.empty());
		for (String unknown : new String[] { this.id, "not-a-uuid", "..%2F..%2Fadmin" }) {
			this.mvc.perform(get("/lab/admin/presets/" + unknown).with(oauth2Login())).andExpect(status().isNotFound());
			this.mvc.perform(save("/lab/admin/presets/" + unknown, "Alpha", 1)).andExpect(status().isNotFound());
			this.mvc.perform(get("/lab/admin/presets/" + unknown + "/delete").with(oauth2Login()))
				.andExpect(status().isNotFound());
			this.mvc.perform(post("/lab/admin/presets/" + unknown + "/delete").with(oauth2Login()).with(csrf()))
				.andExpect(status().isNotFound());
		}
		then(this.store).should(never()).find("not-a-uuid");
		then(this.store).should(never()).update(any(), anyInt(), any(), any(), any(), any(), any());
		then(this.store).should(never()).delete(any());
	}

	/**
	 * A posted editor: a valid transfer, this name and the version the admin opened, with
	 * other fields changed by pairs of name and value.
	 */
	private static MockHttpServletRequestBuilder save(String path, String name, int version, String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("form", "1");
		fields.put("name", name);
		fields.put("description", "Every night");
		fields.put("version", String.valueOf(version));
		fields.put("source_collection", LAB);
		fields.put("source_path", "/projects/alpha/");
		fields.put("destination_collection", LAB);
		fields.put("destination_path", "/archive/alpha/");
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(path).with(oauth2Login()).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private Preset preset(String name, int version, String updatedBy) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("source_collection", LAB);
		fields.add("source_path", "/projects/alpha/");
		TransferForm form = TransferForm.from(fields);
		return new Preset(this.id, name, "", form, version, ADMIN, updatedBy, Instant.parse("2026-11-30T08:00:00Z"));
	}

	private static CurrentUser.Profile profile(String username) {
		return new CurrentUser.Profile(UUID.randomUUID().toString(), username, username, null, List.of());
	}

}
