package org.transferportal.presets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;
import org.transferportal.transfer.TransferForm;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Lab presets: admins keep them, members start them in one click through the same
 * preflight, consent round trip and exactly-once submission as the transfer form.
 */
class PresetIntegrationTests extends FlowTestSupport {

	private static final Pattern START = Pattern
		.compile("action=\"/presets/([0-9a-f-]{36})/start\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\"[^>]*>"
				+ "\\s*<input type=\"hidden\" name=\"start\" value=\"([0-9a-f-]{36})\"");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PresetStore store;

	PortalBrowser admin;

	PortalBrowser member;

	String tag;

	String submissionId;

	String taskId;

	@BeforeEach
	void adminAndMember() {
		this.admin = newBrowser(ADMIN);
		this.admin.login(PortalBrowser.LOGIN);
		this.member = newBrowser();
		this.member.login(PortalBrowser.LOGIN);
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		this.submissionId = UUID.randomUUID().toString();
		this.taskId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(this.submissionId);
		this.globus.stubTask(this.taskId);
	}

	@Test
	void anAdminSharesAPresetAndAMemberStartsItInOneClickThroughTheConsentTrip() {
		UUID mapped = this.globus.mappedCollection();
		UUID guest = this.globus.guestCollection();
		acceptSubmissions();
		MockHttpServletResponse saved = this.admin.post("/lab/admin/presets",
				preset("Nightly " + this.tag, mapped, "/~/runs/", guest, "/incoming/"));
		assertThat(saved.getRedirectedUrl()).isEqualTo("/presets");
		assertThat(content(this.admin.follow(saved))).contains("Preset “Nightly " + this.tag + "” was saved.");

		String page = content(this.member.get("/presets"));
		assertThat(page).contains("Nightly " + this.tag).contains("Runs every night").doesNotContain("/lab/admin");
		Offer offer = offer(page, "Nightly " + this.tag);
		MockHttpServletResponse authorize = this.member
			.follow(this.member.post("/presets/" + offer.presetId() + "/start", Map.of("start", offer.startKey())));
		assertThat(this.member.isAuthorizeRedirect(authorize)).as("preflight found the mapped collection").isTrue();
		assertThat(FakeGlobus.query(authorize.getRedirectedUrl()).get("scope"))
			.contains(FakeGlobus.dataAccessScope(mapped));
		assertThat(submitted()).as("nothing before consent").isEmpty();

		MockHttpServletResponse back = this.member.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		List<JsonNode> submitted = submitted();
		assertThat(submitted).hasSize(1);
		JsonNode document = submitted.get(0);
		assertThat(document.path("label").asString()).as("a preset without a label names its tasks")
			.isEqualTo("Nightly " + this.tag);
		assertThat(document.path("source_endpoint").asString()).isEqualTo(mapped.toString());
		assertThat(document.path("submission_id").asString()).isEqualTo(this.submissionId);
		assertThat(document.path("verify_checksum").asBoolean()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from transfer_request where subject = ? and status = 'SUBMITTED'")
			.param(this.member.user().subject())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPresetShowsItsOptionsNextToStartAndOneThatDeletesStartsOnlyOnceTheDeletionIsConfirmed() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		acceptSubmissions();
		Map<String, String> fields = preset("Mirror " + this.tag, source, "/data/", destination, "/mirror/");
		fields.put("delete_destination_extra", "true");
		fields.put("skip_source_errors", "true");
		assertThat(this.admin.post("/lab/admin/presets", fields).getRedirectedUrl()).isEqualTo("/presets");
		this.admin.post("/lab/admin/presets", preset("Plain " + this.tag, source, "/data/", destination, "/in/"));
		String id = presetId("Mirror " + this.tag);

		String page = content(this.member.get("/presets"));
		String mirror = page.substring(page.indexOf(">Mirror " + this.tag + "</h2>"));
		mirror = mirror.substring(0, mirror.indexOf("</form>"));
		assertThat(mirror).contains("Delete files at the destination that are not in the source",
				"Skip files that cannot be read", "id=\"confirm-delete-" + id + "\"");
		String plain = page.substring(page.indexOf(">Plain " + this.tag + "</h2>"));
		plain = plain.substring(0, plain.indexOf("</form>"));
		assertThat(plain).doesNotContain("Options", "confirm_delete");

		Offer offer = offer(page, "Mirror " + this.tag);
		MockHttpServletResponse unconfirmed = this.member.post("/presets/" + id + "/start",
				Map.of("start", offer.startKey()));
		assertThat(unconfirmed.getRedirectedUrl()).as("to the form, which asks").startsWith("/transfer/drafts/");
		assertThat(submitted()).isEmpty();
		String form = content(this.member.follow(unconfirmed));
		assertThat(form).contains("id=\"confirm-delete\"", "tick the box to confirm")
			.contains("Skip files that cannot be read");

		String fresh = content(this.member.get("/presets"));
		Offer again = offer(fresh, "Mirror " + this.tag);
		Matcher token = Pattern.compile("name=\"confirm_delete\"\\s+value=\"([0-9a-f]+)\" id=\"confirm-delete-" + id)
			.matcher(fresh);
		assertThat(token.find()).isTrue();
		MockHttpServletResponse confirmed = this.member.post("/presets/" + id + "/start",
				Map.of("start", again.startKey(), "confirm_delete", token.group(1)));
		assertThat(confirmed.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(submitted()).singleElement()
			.satisfies((document) -> assertThat(document.path("delete_destination_extra").asBoolean()).isTrue());
	}

	@Test
	void aDoubleClickOnStartSubmitsOnce() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		acceptSubmissions();
		this.admin.post("/lab/admin/presets", preset("Copy " + this.tag, source, "/data/", destination, "/in/"));
		Offer offer = offer(content(this.member.get("/presets")), "Copy " + this.tag);
		MockHttpServletResponse first = this.member.post("/presets/" + offer.presetId() + "/start",
				Map.of("start", offer.startKey()));
		MockHttpServletResponse second = this.member.post("/presets/" + offer.presetId() + "/start",
				Map.of("start", offer.startKey()));
		assertThat(first.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(second.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(submitted()).hasSize(1);
		// The page shown again offers a fresh key: a deliberate second start is
		// a new transfer.
		Offer again = offer(content(this.member.get("/presets")), "Copy " + this.tag);
		assertThat(again.startKey()).isNotEqualTo(offer.startKey());
	}

	@Test
	void aStartGlobusRefusesLandsOnTheFormWithTheMessageAndNothingLost() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		this.globus.server().stubFor(post(urlEqualTo("/v0.10/transfer")).willReturn(FakeGlobus.json(409, """
				{"code":"ExternalError.DirListingFailed.NotFound","message":"No such file or directory: /data/",
				 "request_id":"abc123","resource":"/transfer"}""")));
		this.admin.post("/lab/admin/presets", preset("Broken " + this.tag, source, "/data/", destination, "/in/"));
		Offer offer = offer(content(this.member.get("/presets")), "Broken " + this.tag);
		MockHttpServletResponse answer = this.member.post("/presets/" + offer.presetId() + "/start",
				Map.of("start", offer.startKey()));
		assertThat(answer.getRedirectedUrl()).startsWith("/transfer/drafts/");
		String form = content(this.member.follow(answer));
		assertThat(form).contains("role=\"alert\"")
			.contains("value=\"" + source + "\"")
			.contains("value=\"/data/\"")
			.contains("value=\"Broken " + this.tag + "\"");
	}

	@Test
	void theEditorRefusesAnInvalidPresetAndKeepsWhatTheAdminTyped() {
		Map<String, String> fields = preset("", null, "data", this.globus.guestCollection(), "/in/");
		fields.put("source_collection", "not-a-collection");
		int before = allPresets();
		MockHttpServletResponse page = this.admin.post("/lab/admin/presets", fields);
		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(content(page)).contains("Give the preset a name")
			.contains("A collection id is a UUID")
			.contains("value=\"not-a-collection\"")
			.contains("value=\"data\"")
			.contains("Runs every night");
		assertThat(allPresets()).isEqualTo(before);
	}

	@Test
	void aPresetWithADotSegmentInAPathIsNotSavedAndTheEditorSaysWhyNextToTheField() {
		int before = allPresets();
		MockHttpServletResponse page = this.admin.post("/lab/admin/presets", preset("Escape " + this.tag,
				this.globus.guestCollection(), "/data/../../etc/", this.globus.guestCollection(), "/in/"));
		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(content(page))
			.containsPattern("name=\"source_path\"[^>]*value=\"/data/\\.\\./\\.\\./etc/\"[^>]*>\\s*"
					+ "<p class=\"field-error\">A path cannot contain \\. or \\.\\. as a folder name");
		assertThat(allPresets()).isEqualTo(before);
	}

	@Test
	void aPresetSavedBeforeThePathRuleStartsNothingAndOpensTheFormWithTheReason() {
		UUID guest = this.globus.guestCollection();
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		preset("", guest, "/data/./raw/", guest, "/in/").forEach(fields::add);
		this.store.create("Old " + this.tag, "", TransferForm.from(fields), "admin");
		acceptSubmissions();
		Offer offer = offer(content(this.member.get("/presets")), "Old " + this.tag);
		// The list may have asked Globus for the collections' names; starting must not.
		this.globus.server().resetRequests();

		MockHttpServletResponse answer = this.member.post("/presets/" + offer.presetId() + "/start",
				Map.of("start", offer.startKey()));

		assertThat(answer.getRedirectedUrl()).startsWith("/transfer/drafts/");
		assertThat(content(this.member.follow(answer)))
			.contains("This transfer cannot be submitted as it is: A path cannot contain . or ..")
			.containsPattern("name=\"source_path\"[^>]*value=\"/data/\\./raw/\"[^>]*>\\s*<p class=\"field-error\">");
		assertThat(submitted()).isEmpty();
		this.globus.server().verify(0, getRequestedFor(urlPathMatching("/v0.10/endpoint/.*")));
	}

	@Test
	void namesAreUniqueInTheLabIgnoringCase() {
		UUID a = this.globus.guestCollection();
		UUID b = this.globus.guestCollection();
		this.admin.post("/lab/admin/presets", preset("Weekly " + this.tag, a, "/x/", b, "/y/"));
		MockHttpServletResponse again = this.admin.post("/lab/admin/presets",
				preset("  WEEKLY   " + this.tag.toUpperCase() + " ", a, "/x/", b, "/y/"));
		assertThat(again.getStatus()).isEqualTo(422);
		assertThat(content(again)).contains("The lab already has a preset with this name");
		assertThat(presetCount()).isEqualTo(1);
	}

	@Test
	void twoAdminsEditingAtOnceDoNotOverwriteEachOtherSilently() {
		UUID a = this.globus.guestCollection();
		UUID b = this.globus.guestCollection();
		this.admin.post("/lab/admin/presets", preset("Shared " + this.tag, a, "/x/", b, "/y/"));
		String id = presetId("Shared " + this.tag);
		Map<String, String> first = preset("First " + this.tag, a, "/x/", b, "/y/");
		first.put("version", "1");
		Map<String, String> second = preset("Second " + this.tag, a, "/x/", b, "/y/");
		second.put("version", "1");
		assertThat(this.admin.post("/lab/admin/presets/" + id, first).getRedirectedUrl()).isEqualTo("/presets");
		MockHttpServletResponse late = this.admin.post("/lab/admin/presets/" + id, second);
		assertThat(late.getStatus()).isEqualTo(409);
		assertThat(content(late)).contains("saved this preset while you were editing it")
			.contains("value=\"Second " + this.tag + "\"")
			.contains("name=\"version\" value=\"2\"");
		assertThat(presetName(id)).isEqualTo("First " + this.tag);
		second.put("version", "2");
		assertThat(this.admin.post("/lab/admin/presets/" + id, second).getRedirectedUrl()).isEqualTo("/presets");
		assertThat(presetName(id)).isEqualTo("Second " + this.tag);
	}

	@Test
	void theTransferFormOffersAdminsToSaveItAsAPreset() {
		assertThat(content(this.admin.get("/transfer"))).contains("id=\"save-as-preset\"")
			.contains("formaction=\"/lab/admin/presets/new\"");
		assertThat(content(this.member.get("/transfer"))).doesNotContain("save-as-preset");
		UUID source = this.globus.guestCollection();
		Map<String, String> fields = preset("", source, "/from/form/", this.globus.guestCollection(), "/to/");
		fields.put("draft", UUID.randomUUID().toString());
		int before = allPresets();
		MockHttpServletResponse editor = this.admin.post("/lab/admin/presets/new", fields);
		assertThat(editor.getStatus()).isEqualTo(200);
		assertThat(content(editor)).contains("New lab preset")
			.contains("value=\"" + source + "\"")
			.contains("value=\"/from/form/\"");
		assertThat(allPresets()).as("opening the editor saves nothing").isEqualTo(before);
	}

	@Test
	void aBatchFileUploadedInTheTransferFormComesAlongIntoTheEditor() {
		var request = MockMvcRequestBuilders.multipart("/lab/admin/presets/new")
			.file(new MockMultipartFile("manifest_file", "batch.txt", "text/plain",
					"raw/scan-001.tif raw/scan-001.tif\nREADME.md README.md\n".getBytes()))
			.param("form", "1")
			.param("source_collection", this.globus.guestCollection().toString())
			.param("source_path", "/projects/alpha/")
			.with(csrf());
		MockHttpServletResponse editor = this.admin.perform(request);
		assertThat(editor.getStatus()).isEqualTo(200);
		assertThat(content(editor)).contains("raw/scan-001.tif raw/scan-001.tif").contains("README.md README.md");
	}

	@Test
	void deletingAPresetNeedsAConfirmationAndAStaleStartSubmitsNothing() {
		UUID a = this.globus.guestCollection();
		UUID b = this.globus.guestCollection();
		acceptSubmissions();
		this.admin.post("/lab/admin/presets", preset("Old " + this.tag, a, "/x/", b, "/y/"));
		Offer offer = offer(content(this.member.get("/presets")), "Old " + this.tag);
		String id = offer.presetId();
		assertThat(content(this.admin.get("/lab/admin/presets/" + id + "/delete"))).contains("Old " + this.tag)
			.contains("confirm-delete");
		assertThat(presetCount()).isEqualTo(1);
		assertThat(this.admin.post("/lab/admin/presets/" + id + "/delete", Map.of()).getRedirectedUrl())
			.isEqualTo("/presets");
		assertThat(presetCount()).isZero();
		MockHttpServletResponse stale = this.member.post("/presets/" + id + "/start",
				Map.of("start", offer.startKey()));
		assertThat(stale.getRedirectedUrl()).isEqualTo("/presets");
		assertThat(content(this.member.follow(stale))).contains("That preset no longer exists");
		assertThat(submitted()).isEmpty();
	}

	@Test
	void membersCannotCreateEditOrDeletePresets() {
		UUID a = this.globus.guestCollection();
		UUID b = this.globus.guestCollection();
		this.admin.post("/lab/admin/presets", preset("Guarded " + this.tag, a, "/x/", b, "/y/"));
		String id = presetId("Guarded " + this.tag);
		Map<String, String> edit = preset("Taken over " + this.tag, a, "/x/", b, "/y/");
		edit.put("version", "1");
		assertThat(this.member.get("/lab/admin/presets/new").getStatus()).isEqualTo(403);
		assertThat(this.member.get("/lab/admin/presets/" + id).getStatus()).isEqualTo(403);
		assertThat(this.member.post("/lab/admin/presets", edit).getStatus()).isEqualTo(403);
		assertThat(this.member.post("/lab/admin/presets/" + id, edit).getStatus()).isEqualTo(403);
		assertThat(this.member.post("/lab/admin/presets/" + id + "/delete", Map.of()).getStatus()).isEqualTo(403);
		assertThat(presetName(id)).isEqualTo("Guarded " + this.tag);
		assertThat(presetCount()).isEqualTo(1);
		assertThat(content(this.member.get("/presets"))).doesNotContain("/lab/admin/presets/" + id);
	}

	@Test
	void withoutACsrfTokenNothingIsStartedOrSaved() {
		UUID a = this.globus.guestCollection();
		UUID b = this.globus.guestCollection();
		acceptSubmissions();
		this.admin.post("/lab/admin/presets", preset("Csrf " + this.tag, a, "/x/", b, "/y/"));
		Offer offer = offer(content(this.member.get("/presets")), "Csrf " + this.tag);
		MockHttpServletResponse forged = this.member
			.perform(MockMvcRequestBuilders.post("/presets/" + offer.presetId() + "/start")
				.param("start", offer.startKey()));
		assertThat(forged.getStatus()).isEqualTo(403);
		assertThat(this.admin.perform(MockMvcRequestBuilders.post("/lab/admin/presets/" + offer.presetId() + "/delete"))
			.getStatus()).isEqualTo(403);
		assertThat(submitted()).isEmpty();
		assertThat(presetCount()).isEqualTo(1);
	}

	@Test
	void unknownAndMalformedPresetIdsFindNothing() {
		MockHttpServletResponse unknown = this.member.post("/presets/" + UUID.randomUUID() + "/review", Map.of());
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(content(unknown)).contains("<h1>Not found</h1>").contains("No such preset").contains(">Log out<");
		assertThat(this.member.post("/presets/..%2F..%2Fadmin/review", Map.of()).getStatus()).isIn(400, 404);
		assertThat(this.admin.get("/lab/admin/presets/" + UUID.randomUUID()).getStatus()).isEqualTo(404);
		assertThat(this.admin.get("/lab/admin/presets/not-an-id").getStatus()).isEqualTo(404);
		MockHttpServletResponse noKey = this.member.post("/presets/" + UUID.randomUUID() + "/start", Map.of());
		assertThat(noKey.getRedirectedUrl()).isEqualTo("/presets");
		assertThat(submitted()).isEmpty();
	}

	@Test
	void reviewOpensThePresetInTheFormWithoutSubmitting() {
		UUID a = this.globus.guestCollection();
		UUID b = this.globus.guestCollection();
		this.admin.post("/lab/admin/presets", preset("Review " + this.tag, a, "/x/", b, "/y/"));
		String id = presetId("Review " + this.tag);
		assertThat(this.member.get("/presets/" + id + "/review").getStatus())
			.as("a link cannot open a draft: it takes a post")
			.isEqualTo(405);
		Offer offer = offer(content(this.member.get("/presets")), "Review " + this.tag);
		MockHttpServletResponse review = this.member.post("/presets/" + id + "/review",
				Map.of("start", offer.startKey()));
		assertThat(review.getRedirectedUrl()).startsWith("/transfer/drafts/");
		assertThat(this.member.post("/presets/" + id + "/review", Map.of("start", offer.startKey())).getRedirectedUrl())
			.as("a double click opens one draft")
			.isEqualTo(review.getRedirectedUrl());
		assertThat(content(this.member.follow(review))).contains("value=\"" + a + "\"")
			.contains("value=\"/x/\"")
			.contains("value=\"Review " + this.tag + "\"");
		assertThat(submitted()).isEmpty();
	}

	@Test
	void anAdminOffersAPresetAsAScheduleTemplateAndScheduleOpensItsFormWithThatPace() {
		UUID a = this.globus.guestCollection();
		UUID b = this.globus.guestCollection();
		Map<String, String> fields = preset("Weekly archive " + this.tag, a, "/x/", b, "/y/");
		fields.put("schedule_interval_hours", "168");
		this.admin.post("/lab/admin/presets", fields);
		String id = presetId("Weekly archive " + this.tag);
		assertThat(content(this.member.get("/presets"))).contains("A schedule template: every 168 hours");

		MockHttpServletResponse schedule = this.member.post("/presets/" + id + "/schedule", Map.of());

		assertThat(schedule.getRedirectedUrl()).startsWith("/transfer/drafts/")
			.endsWith("?schedule_type=recurring&schedule_interval_hours=168");
		String form = content(this.member.follow(schedule));
		assertThat(form).contains("value=\"recurring\" id=\"schedule_recurring\" checked")
			.containsPattern("name=\"schedule_interval_hours\"[^>]*value=\"168\"")
			.contains("value=\"Weekly archive " + this.tag + "\"");
		assertThat(submitted()).as("nothing runs until the form is submitted").isEmpty();
	}

	@Test
	void aPresetWithABatchShowsHowManyItemsItMoves() {
		Map<String, String> fields = preset("Batch " + this.tag, this.globus.guestCollection(), "/x/",
				this.globus.guestCollection(), "/y/");
		fields.put("manifest", "# the scans\nraw/a.tif raw/a.tif\n\nraw/b.tif raw/b.tif\n");
		this.admin.post("/lab/admin/presets", fields);

		assertThat(content(this.member.get("/presets"))).contains("Batch " + this.tag).contains("2 item(s)");
	}

	@Test
	void aScheduleTemplatesIntervalMustBeAWholeNumberOfHoursAndThePresetIsKept() {
		Map<String, String> fields = preset("Bad pace " + this.tag, this.globus.guestCollection(), "/x/",
				this.globus.guestCollection(), "/y/");
		fields.put("schedule_interval_hours", "every night");
		int before = allPresets();

		MockHttpServletResponse page = this.admin.post("/lab/admin/presets", fields);

		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(content(page)).contains("Give a whole number of hours from 1 to 8760")
			.contains("value=\"every night\"")
			.contains("value=\"Bad pace " + this.tag + "\"");
		assertThat(allPresets()).isEqualTo(before);
	}

	@Test
	void aPresetWithoutATemplateProposesANightlySchedule() {
		this.admin.post("/lab/admin/presets", preset("Plain " + this.tag, this.globus.guestCollection(), "/x/",
				this.globus.guestCollection(), "/y/"));

		MockHttpServletResponse schedule = this.member.post("/presets/" + presetId("Plain " + this.tag) + "/schedule",
				Map.of());

		assertThat(schedule.getRedirectedUrl()).endsWith("?schedule_type=recurring&schedule_interval_hours=24");
		assertThat(this.member.post("/presets/" + UUID.randomUUID() + "/schedule", Map.of()).getStatus())
			.isEqualTo(404);
	}

	@Test
	void presetNamesAndDescriptionsAreEscaped() {
		UUID a = this.globus.guestCollection();
		UUID b = this.globus.guestCollection();
		Map<String, String> fields = preset("<script>alert(1)</script>" + this.tag, a, "/x/", b, "/y/");
		fields.put("description", "<img src=x onerror=alert(2)>");
		this.admin.post("/lab/admin/presets", fields);
		String page = content(this.member.get("/presets"));
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;" + this.tag)
			.contains("&lt;img src=x onerror=alert(2)&gt;")
			.doesNotContain("<script>alert(1)")
			.doesNotContain("<img src=x");
	}

	@Test
	void theHomePageListsTheLabsPresetsByNameWithALinkToEach() {
		UUID a = this.globus.guestCollection();
		UUID b = this.globus.guestCollection();
		assertThat(this.admin.post("/lab/admin/presets", preset("Home preset " + this.tag, a, "/x/", b, "/y/"))
			.getRedirectedUrl()).isEqualTo("/presets");
		String home = content(this.member.get("/"));
		assertThat(home).contains("id=\"home-presets\"")
			.contains("href=\"/presets#preset-" + presetId("Home preset " + this.tag) + "\"")
			.contains(">Home preset " + this.tag + "<");
	}

	@Test
	void peopleOutsideTheLabAreRefusedBeforeTheyReachPresets() {
		PortalBrowser outsider = newBrowser("someone@example.com");
		outsider.login(PortalBrowser.LOGIN);
		assertThat(outsider.get("/presets").getRedirectedUrl()).endsWith("/refused");
		assertThat(
				outsider.post("/presets/" + UUID.randomUUID() + "/start", Map.of("start", UUID.randomUUID().toString()))
					.getRedirectedUrl())
			.endsWith("/refused");
	}

	private record Offer(String presetId, String startKey) {
	}

	/** The start button of the preset with this name on the presets page. */
	private static Offer offer(String page, String name) {
		int at = page.indexOf(">" + name + "</h2>");
		assertThat(at).as("preset %s on the page", name).isNotNegative();
		Matcher matcher = START.matcher(page);
		assertThat(matcher.find(at)).as("its start button").isTrue();
		return new Offer(matcher.group(1), matcher.group(2));
	}

	private Map<String, String> preset(String name, UUID source, String sourcePath, UUID destination,
			String destinationPath) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("form", "1");
		form.put("name", name);
		form.put("description", "Runs every night");
		form.put("source_collection", (source != null) ? source.toString() : "");
		form.put("source_path", sourcePath);
		form.put("destination_collection", (destination != null) ? destination.toString() : "");
		form.put("destination_path", destinationPath);
		form.put("label", "");
		// The boxes the editor shows ticked, as a browser posts them.
		form.put("verify_checksum", "true");
		form.put("notify_on_succeeded", "true");
		form.put("notify_on_failed", "true");
		form.put("notify_on_inactive", "true");
		return form;
	}

	private void acceptSubmissions() {
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", this.submissionId, this.taskId))));
	}

	private List<JsonNode> submitted() {
		return this.globus.posted("/v0.10/transfer");
	}

	private int presetCount() {
		return this.jdbc.sql("select count(*) from transfer_preset where name_key like ?")
			.param("%" + this.tag + "%")
			.query(Integer.class)
			.single();
	}

	private int allPresets() {
		return this.jdbc.sql("select count(*) from transfer_preset").query(Integer.class).single();
	}

	private String presetId(String name) {
		return this.jdbc.sql("select id from transfer_preset where name = ?").param(name).query(String.class).single();
	}

	private String presetName(String id) {
		return this.jdbc.sql("select name from transfer_preset where id = ?").param(id).query(String.class).single();
	}

}
