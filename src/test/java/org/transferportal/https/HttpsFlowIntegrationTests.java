package org.transferportal.https;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Downloads, previews and uploads through the portal, with WireMock playing Globus Auth,
 * Transfer and the collection's HTTPS server: one consent trip asks for the HTTPS and
 * data_access scopes together and the action resumes; each user reaches files with their
 * own token only; a login page is never taken for the file; uploads land under their name
 * only when complete; bad input reaches nothing.
 */
class HttpsFlowIntegrationTests extends FlowTestSupport {

	/** A mapped collection whose HTTPS server is WireMock's {@code /gcs/<id>}. */
	private UUID collection() {
		UUID id = UUID.randomUUID();
		this.globus.stubCollection(id, "GCSv5_mapped_collection", false, server(id));
		return id;
	}

	private String server(UUID id) {
		return this.globus.baseUrl() + "/gcs/" + id;
	}

	private static String download(UUID id, String path) {
		return "/files/download?collection=" + id + "&path=" + PortalBrowser.encode(path).replace("+", "%20");
	}

	/**
	 * Logs in, then takes the consent trip a download needs; returns the page it ends on.
	 */
	private MockHttpServletResponse grant(PortalBrowser browser, UUID id, String path, String action, String reason) {
		MockHttpServletResponse trip = browser.follow(browser.post("/files/https/consent",
				Map.of("collection", id.toString(), "path", path, "action", action, "reason", reason)));
		assertThat(browser.isAuthorizeRedirect(trip)).isTrue();
		return trip;
	}

	@Test
	void aDownloadAsksForHttpsAndDataAccessInOneTripThenStartsWithTheUsersOwnToken() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		this.globus.server()
			.stubFor(get(urlEqualTo("/gcs/" + id + "/data/run%201.csv")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/csv")
				.withHeader("Content-Length", "8")
				.withHeader("ETag", "\"v1\"")
				.withBody("a,b\n1,2\n")));

		MockHttpServletResponse asks = alice.get(download(id, "/data/run 1.csv"));
		assertThat(asks.getStatus()).isEqualTo(200);
		assertThat(content(asks)).contains("id=\"grant-https\"", "Grant access");
		this.globus.server().verify(0, getRequestedFor(urlPathMatching("/gcs/.*")));

		MockHttpServletResponse authorize = grant(alice, id, "/data/run 1.csv", "download", "missing");
		String scope = FakeGlobus.query(authorize.getRedirectedUrl()).get("scope");
		assertThat(scope).as("one authorization request with both scopes")
			.contains(FakeGlobus.dataAccessScope(id))
			.contains(FakeGlobus.httpsScope(id));
		MockHttpServletResponse back = alice.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).startsWith("/files/download/ready?collection=" + id);
		MockHttpServletResponse ready = alice.follow(back);
		assertThat(content(ready)).contains("http-equiv=\"refresh\"").contains("/files/download?collection=" + id);

		MockHttpServletResponse file = alice.get(download(id, "/data/run 1.csv"));
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(content(file)).isEqualTo("a,b\n1,2\n");
		assertThat(file.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"run 1.csv\"; filename*=UTF-8''run%201.csv");
		assertThat(file.getHeader("Content-Type")).startsWith("text/csv");
		assertThat(file.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(file.getHeader("ETag")).isEqualTo("\"v1\"");
		String token = alice.tokens().httpsAccess().get(id.toString());
		this.globus.server()
			.verify(getRequestedFor(urlEqualTo("/gcs/" + id + "/data/run%201.csv")).withHeader("Authorization",
					equalTo("Bearer " + token)));
		assertThat(content(alice.get("/lab/audit/files"))).contains("/data/run 1.csv", "download", "complete");
	}

	@Test
	void aResumedDownloadPassesItsRangeOnAndGetsThePart() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		alice.follow(alice.authorizeAndReturn(grant(alice, id, "/big.bin", "download", "missing")));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/gcs/" + id + "/big.bin")).withHeader("Range", equalTo("bytes=4-"))
				.withHeader("If-Range", equalTo("\"v1\""))
				.willReturn(aResponse().withStatus(206)
					.withHeader("Content-Range", "bytes 4-7/8")
					.withHeader("Content-Length", "4")
					.withBody("5678")));
		MockHttpServletResponse part = alice.perform(MockMvcRequestBuilders.get(URI.create(download(id, "/big.bin")))
			.header("Range", "bytes=4-")
			.header("If-Range", "\"v1\""));
		assertThat(part.getStatus()).isEqualTo(206);
		assertThat(part.getHeader("Content-Range")).isEqualTo("bytes 4-7/8");
		assertThat(content(part)).isEqualTo("5678");
		assertThat(content(alice.get("/lab/audit/files"))).contains("partial");
	}

	@Test
	void aRefusedHttpsTokenIsRefreshedWithItsOwnRefreshTokenAndTheDownloadGoesOn() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		alice.follow(alice.authorizeAndReturn(grant(alice, id, "/r.txt", "download", "missing")));
		String old = alice.tokens().httpsAccess().get(id.toString());
		this.globus.server()
			.stubFor(post(urlPathEqualTo("/v2/oauth2/token")).withRequestBody(containing("grant_type=refresh_token"))
				.withRequestBody(containing("refresh_token=https-refresh-" + old))
				.willReturn(FakeGlobus.json(200,
						"{\"access_token\": \"https-renewed\", \"token_type\": \"Bearer\", "
								+ "\"expires_in\": 172800, \"scope\": \"" + FakeGlobus.httpsScope(id) + "\", "
								+ "\"resource_server\": \"" + id + "\", \"other_tokens\": []}")));
		this.globus.server()
			.stubFor(get(urlEqualTo("/gcs/" + id + "/r.txt")).withHeader("Authorization", equalTo("Bearer " + old))
				.willReturn(aResponse().withStatus(401)));
		this.globus.server()
			.stubFor(get(urlEqualTo("/gcs/" + id + "/r.txt"))
				.withHeader("Authorization", equalTo("Bearer https-renewed"))
				.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("renewed")));
		assertThat(content(alice.get(download(id, "/r.txt")))).isEqualTo("renewed");
		// The renewed token is kept: the next download needs no consent.
		assertThat(content(alice.get(download(id, "/r.txt")))).isEqualTo("renewed");
	}

	@Test
	void anotherUserReachesNothingWithTheFirstUsersAccess() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		alice.follow(alice.authorizeAndReturn(grant(alice, id, "/private/notes.txt", "download", "missing")));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/gcs/" + id + "/private/notes.txt"))
				.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("secret")));
		assertThat(content(alice.get(download(id, "/private/notes.txt")))).isEqualTo("secret");

		PortalBrowser bob = newBrowser();
		bob.login(PortalBrowser.LOGIN);
		MockHttpServletResponse asked = bob.get(download(id, "/private/notes.txt"));
		assertThat(content(asked)).contains("id=\"grant-https\"").doesNotContain("secret");
		assertThat(content(bob.get("/files/preview/content?collection=" + id + "&path=/private/notes.txt")))
			.doesNotContain("secret");
		this.globus.server().verify(1, getRequestedFor(urlPathMatching("/gcs/.*")));
		// The audit shows members their own downloads only.
		assertThat(content(bob.get("/lab/audit/files"))).doesNotContain("/private/notes.txt");
	}

	@Test
	void aLoginPageInsteadOfTheFileAsksForAFreshLoginAndIsNeverSent() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		alice.follow(alice.authorizeAndReturn(grant(alice, id, "/a/scan.dat", "download", "missing")));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/gcs/" + id + "/a/scan.dat")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/html")
				.withBody(FakeGlobus.body("https/login_page.html"))));
		MockHttpServletResponse page = alice.get(download(id, "/a/scan.dat"));
		assertThat(page.getHeader("Content-Disposition")).isNull();
		assertThat(content(page)).contains("wants you to log in again", "name=\"reason\" value=\"login\"")
			.doesNotContain("Redirecting to Globus Auth");
		MockHttpServletResponse trip = grant(alice, id, "/a/scan.dat", "download", "login");
		Map<String, String> params = FakeGlobus.query(trip.getRedirectedUrl());
		assertThat(params.get("prompt")).isEqualTo("login");
		assertThat(params.get("scope")).contains(FakeGlobus.httpsScope(id));
	}

	@Test
	void badInputGetsAClearPageAndReachesNothing() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		assertThat(alice.get("/files/download?collection=not-a-uuid&path=/a.txt").getStatus()).isEqualTo(400);
		MockHttpServletResponse dots = alice.get(download(id, "/data/../../etc/passwd"));
		assertThat(dots.getStatus()).isEqualTo(400);
		assertThat(content(dots)).contains("cannot contain . or ..").contains("/data/../../etc/passwd");
		MockHttpServletResponse control = alice.get(download(id, "/data/a\u0007b.txt"));
		assertThat(content(control)).contains("control characters");
		MockHttpServletResponse folder = alice.get(download(id, "/data/"));
		assertThat(folder.getStatus()).isEqualTo(400);
		assertThat(content(folder)).contains("Folders are not packed into one download", "id=\"transfer-instead\"");
		MockHttpServletResponse tooLarge = alice
			.get("/files/upload/check?collection=" + id + "&path=/data/&name=huge.bin&size=" + (20L << 30));
		assertThat(tooLarge.getStatus()).isEqualTo(413);
		assertThat(content(tooLarge)).contains("more than the");
		MockHttpServletResponse badName = alice.get("/files/upload/check?collection=" + id + "&path=/data/&name="
				+ PortalBrowser.encode("bad\nname.txt") + "&size=1");
		assertThat(content(badName)).contains("control characters");
		this.globus.server().verify(0, anyRequestedFor(urlPathMatching("/gcs/.*")));
	}

	@Test
	void anUploadLandsUnderItsNameOnlyOnceCompleteAndAnExistingFileNeedsConfirming() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		alice.follow(alice.authorizeAndReturn(grant(alice, id, "/data/", "upload", "missing")));
		String stat = "/v0.10/operation/endpoint/" + id + "/stat";
		this.globus.server()
			.stubFor(get(urlPathEqualTo(stat))
				.willReturn(FakeGlobus.json(404, FakeGlobus.body("errors/not_found.json"))));
		this.globus.server()
			.stubFor(put(urlPathMatching("/gcs/" + id + "/data/\\.portal-upload-.*\\.part"))
				.willReturn(aResponse().withStatus(201)));
		this.globus.server()
			.stubFor(post(urlPathEqualTo("/v0.10/operation/endpoint/" + id + "/rename"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/rename_result.json"))));
		this.globus.server()
			.stubFor(delete(urlPathMatching("/gcs/" + id + "/.*")).willReturn(aResponse().withStatus(204)));

		MockHttpServletResponse saved = alice.perform(upload(id, "/data/", "new.csv", false, "x,y\n1,2\n".getBytes()));
		assertThat(saved.getStatus()).isEqualTo(201);
		assertThat(content(saved)).contains("\"status\":\"saved\"");
		this.globus.server()
			.verify(putRequestedFor(urlPathMatching("/gcs/" + id + "/data/\\.portal-upload-.*\\.part"))
				.withHeader("Authorization", equalTo("Bearer " + alice.tokens().httpsAccess().get(id.toString())))
				.withHeader("Content-Length", equalTo("8")));
		this.globus.server()
			.verify(postRequestedFor(urlPathEqualTo("/v0.10/operation/endpoint/" + id + "/rename"))
				.withRequestBody(containing("\"new_path\":\"/data/new.csv\""))
				.withRequestBody(containing(".portal-upload-")));

		this.globus.server()
			.stubFor(get(urlPathEqualTo(stat)).willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/stat.json"))));
		this.globus.server().resetRequests();
		MockHttpServletResponse exists = alice.perform(upload(id, "/data/", "run1.csv", false, "z".getBytes()));
		assertThat(exists.getStatus()).isEqualTo(409);
		assertThat(content(exists)).contains("\"status\":\"exists\"");
		this.globus.server().verify(0, putRequestedFor(urlPathMatching("/gcs/.*")));

		MockHttpServletResponse replaced = alice.perform(upload(id, "/data/", "run1.csv", true, "z".getBytes()));
		assertThat(replaced.getStatus()).isEqualTo(201);
		assertThat(content(replaced)).contains("Replaced");
		this.globus.server()
			.verify(postRequestedFor(urlPathEqualTo("/v0.10/operation/endpoint/" + id + "/rename"))
				.withRequestBody(containing("\"old_path\":\"/data/run1.csv\""))
				.withRequestBody(containing(".portal-replaced-")));
		this.globus.server().verify(deleteRequestedFor(urlPathMatching("/gcs/" + id + "/data/\\.portal-replaced-.*")));
	}

	@Test
	void anUploadAnsweredWithALoginPageIsNotTakenForSuccess() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		alice.follow(alice.authorizeAndReturn(grant(alice, id, "/data/", "upload", "missing")));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + id + "/stat"))
				.willReturn(FakeGlobus.json(404, FakeGlobus.body("errors/not_found.json"))));
		this.globus.server()
			.stubFor(put(urlPathMatching("/gcs/" + id + "/.*")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/html")
				.withBody(FakeGlobus.body("https/login_page.html"))));
		this.globus.server()
			.stubFor(delete(urlPathMatching("/gcs/" + id + "/.*")).willReturn(aResponse().withStatus(204)));
		MockHttpServletResponse answer = alice.perform(upload(id, "/data/", "a.txt", false, "abc".getBytes()));
		assertThat(answer.getStatus()).isEqualTo(403);
		assertThat(content(answer)).contains("\"status\":\"consent\"", "\"reason\":\"login\"");
		this.globus.server().verify(0, postRequestedFor(urlPathMatching(".*/rename")));
	}

	@Test
	void aPreviewIsSandboxedAndShowsACsvAsAnEscapedTable() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		alice.follow(alice.authorizeAndReturn(grant(alice, id, "/data/t.csv", "preview", "missing")));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/gcs/" + id + "/data/t.csv")).withHeader("Range", equalTo("bytes=0-65535"))
				.willReturn(aResponse().withStatus(206)
					.withHeader("Content-Type", "text/csv")
					.withHeader("Content-Range", "bytes 0-30/31")
					.withBody("name,note\nx,<script>alert(1)</script>\n")));
		MockHttpServletResponse page = alice.get("/files/preview?collection=" + id + "&path=/data/t.csv");
		assertThat(content(page)).contains("<iframe", "sandbox=\"\"", "/files/preview/content?collection=" + id)
			.doesNotContain("alert(1)");
		MockHttpServletResponse frame = alice.get("/files/preview/content?collection=" + id + "&path=/data/t.csv");
		assertThat(frame.getHeader("Content-Security-Policy")).startsWith("sandbox;")
			.contains("frame-ancestors 'self'");
		assertThat(frame.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(content(frame)).contains("<table", "<td>x</td>", "&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert");
	}

	@Test
	void theFileManagerOffersDownloadPreviewAndUploadOnACollectionWithAnHttpsServer() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID id = collection();
		alice.follow(alice.authorizeAndReturn(grant(alice, id, "/data/", "upload", "missing")));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + id + "/ls"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/ls.json"))));
		String page = content(alice.open("/files?a_collection=" + id + "&a_path=/data/"));
		assertThat(page).contains("/files/download?collection=" + id, "id=\"upload-a\"", "/files/upload/form?_csrf=");
		assertThat(List.of(page.split("class=\"preview\"")).size()).isGreaterThan(1);
	}

	private static MockHttpServletRequestBuilder upload(UUID id, String folder, String name, boolean overwrite,
			byte[] bytes) {
		return MockMvcRequestBuilders
			.put(URI.create("/files/upload?collection=" + id + "&path=" + folder + "&name=" + PortalBrowser.encode(name)
					+ (overwrite ? "&overwrite=1" : "")))
			.with(csrf())
			.contentType("application/octet-stream")
			.content(bytes)
			.header("Content-Length", String.valueOf(bytes.length))
			.characterEncoding(StandardCharsets.UTF_8);
	}

}
