package org.transferportal.auth;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The consent preflight asks Globus Auth what the user has granted this portal: a consent
 * given elsewhere (another browser, another instance, before the portal's database was
 * reset) costs no trip, and one revoked at Globus sends the user to Globus Auth before
 * anything is submitted. When Auth cannot say, the portal's own record decides, as
 * before.
 */
class ConsentsAtGlobusIntegrationTests extends FlowTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	GrantedConsents granted;

	private PortalBrowser browser;

	private UUID mapped;

	private UUID guest;

	private String taskId;

	@BeforeEach
	void aLoggedInUserAndAMappedCollection() {
		this.browser = newBrowser();
		this.browser.login(PortalBrowser.LOGIN);
		this.mapped = this.globus.mappedCollection();
		this.guest = this.globus.guestCollection();
		this.taskId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(UUID.randomUUID().toString());
		this.globus.stubTask(this.taskId);
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", "s", this.taskId))));
	}

	@Test
	void aConsentTheUserGaveBeforeThePortalKnewOfItCostsNoTrip() {
		// A new login with no record in the portal (as after a database reset, or in
		// another browser), but Globus Auth lists the consent.
		consentsAtGlobus(this.mapped);

		MockHttpServletResponse answer = this.browser.follow(this.browser.post("/transfer",
				PortalBrowser.transferForm(this.mapped, "/~/data/", this.guest, "/in/")));

		assertThat(this.browser.isAuthorizeRedirect(answer)).as("no trip to Globus Auth").isFalse();
		assertThat(content(answer)).contains(this.taskId);
		assertThat(this.globus.posted("/v0.10/transfer")).hasSize(1);
		this.globus.server()
			.verify(getRequestedFor(urlPathEqualTo(consentsPath())).withHeader("Authorization",
					equalTo("Bearer " + this.browser.tokens().authAccess())));
	}

	@Test
	void aConsentRevokedAtGlobusSendsTheUserToGlobusAuthBeforeSubmitting() {
		// First the user consents through the portal: its token now carries the scope.
		consentsAtGlobus();
		MockHttpServletResponse authorize = this.browser.follow(this.browser.post("/transfer",
				PortalBrowser.transferForm(this.mapped, "/~/data/", this.guest, "/in/")));
		assertThat(this.browser.isAuthorizeRedirect(authorize)).isTrue();
		consentsAtGlobus(this.mapped);
		assertThat(this.browser.follow(this.browser.authorizeAndReturn(authorize)).getStatus()).isEqualTo(200);
		assertThat(this.globus.posted("/v0.10/transfer")).hasSize(1);

		// Then revokes it at app.globus.org; the portal's short memory of Globus's answer
		// runs out (forgotten here rather than waited for).
		consentsAtGlobus();
		this.granted.forget(this.browser.user().subject());
		MockHttpServletResponse again = this.browser.follow(this.browser.post("/transfer",
				PortalBrowser.transferForm(this.mapped, "/~/more/", this.guest, "/in/")));

		assertThat(this.browser.isAuthorizeRedirect(again)).as("sent to Globus Auth").isTrue();
		assertThat(FakeGlobus.query(again.getRedirectedUrl()).get("scope"))
			.contains(FakeGlobus.dataAccessScope(this.mapped));
		assertThat(this.globus.posted("/v0.10/transfer")).as("nothing more submitted").hasSize(1);
	}

	@Test
	void aCollectionRevokedAtGlobusShowsTheGrantPageRatherThanASilentTrip() {
		consentsAtGlobus();
		MockHttpServletResponse authorize = this.browser.follow(this.browser.post("/transfer",
				PortalBrowser.transferForm(this.mapped, "/~/data/", this.guest, "/in/")));
		consentsAtGlobus(this.mapped);
		this.browser.follow(this.browser.authorizeAndReturn(authorize));
		consentsAtGlobus();
		this.granted.forget(this.browser.user().subject());

		MockHttpServletResponse files = this.browser.get("/files?a_collection=" + this.mapped + "&a_path=/~/");

		assertThat(this.browser.isAuthorizeRedirect(this.browser.follow(files))).isFalse();
		assertThat(content(this.browser.follow(files))).contains("id=\"grant-access-a\"", "Allow access to ");
	}

	@Test
	void whenGlobusAuthCannotListConsentsThePortalsOwnRecordDecides() {
		this.globus.server()
			.stubFor(get(urlPathEqualTo(consentsPath()))
				.willReturn(FakeGlobus.json(503, FakeGlobus.body("errors/service_unavailable.json"))));

		MockHttpServletResponse authorize = this.browser.follow(this.browser.post("/transfer",
				PortalBrowser.transferForm(this.mapped, "/~/data/", this.guest, "/in/")));
		assertThat(this.browser.isAuthorizeRedirect(authorize)).as("a trip, as the token carries no consent").isTrue();
		this.browser.follow(this.browser.authorizeAndReturn(authorize));
		MockHttpServletResponse again = this.browser.follow(this.browser.post("/transfer",
				PortalBrowser.transferForm(this.mapped, "/~/more/", this.guest, "/in/")));

		assertThat(this.browser.isAuthorizeRedirect(again)).as("no second trip: the token carries it").isFalse();
		assertThat(this.globus.posted("/v0.10/transfer")).hasSize(2);
	}

	@Test
	void aNewLoginForgetsRememberedConsentsRevokedAtGlobusInsteadOfAskingForThemAgain() {
		consentsAtGlobus();
		MockHttpServletResponse authorize = this.browser.follow(this.browser.post("/transfer",
				PortalBrowser.transferForm(this.mapped, "/~/data/", this.guest, "/in/")));
		consentsAtGlobus(this.mapped);
		this.browser.follow(this.browser.authorizeAndReturn(authorize));
		assertThat(content(this.browser.get("/account"))).contains(this.mapped.toString());

		// Revoked at app.globus.org; then the user logs in again.
		consentsAtGlobus();
		PortalBrowser later = new PortalBrowser(this.mvc, this.globus, this.browser.user());
		MockHttpServletResponse home = later.login(PortalBrowser.LOGIN);

		assertThat(later.isAuthorizeRedirect(home)).as("no trip to renew a consent that no longer exists").isFalse();
		assertThat(home.getStatus()).isEqualTo(200);
		assertThat(content(later.get("/account"))).doesNotContain(this.mapped.toString());
	}

	@Test
	void aNewLoginRenewsRememberedConsentsGlobusStillListsInOneSilentTrip() {
		consentsAtGlobus();
		MockHttpServletResponse authorize = this.browser.follow(this.browser.post("/transfer",
				PortalBrowser.transferForm(this.mapped, "/~/data/", this.guest, "/in/")));
		consentsAtGlobus(this.mapped);
		this.browser.follow(this.browser.authorizeAndReturn(authorize));

		PortalBrowser later = new PortalBrowser(this.mvc, this.globus, this.browser.user());
		MockHttpServletResponse renewal = later.open(PortalBrowser.LOGIN);
		renewal = later.authorizeAndReturn(renewal);
		MockHttpServletResponse trip = later.follow(renewal);

		assertThat(later.isAuthorizeRedirect(trip)).isTrue();
		assertThat(FakeGlobus.query(trip.getRedirectedUrl()).get("scope"))
			.contains(FakeGlobus.dataAccessScope(this.mapped));
	}

	private String consentsPath() {
		return "/v2/api/identities/" + this.browser.user().subject() + "/consents";
	}

	/**
	 * Globus Auth lists the user's Transfer consent for this portal with a data_access
	 * consent below it for each of these collections (the canned {@code get_consents}
	 * shape).
	 */
	private void consentsAtGlobus(UUID... collections) {
		ObjectNode canned = (ObjectNode) JSON.readTree(FakeGlobus.body("auth/consents.json"));
		ArrayNode consents = (ArrayNode) canned.path("consents");
		ObjectNode transfer = (ObjectNode) consents.get(0);
		ObjectNode dataAccess = (ObjectNode) consents.get(1);
		ArrayNode listed = canned.putArray("consents");
		listed.add(transfer.deepCopy().put("effective_identity", this.browser.user().subject()));
		long id = 433892;
		for (UUID collection : List.of(collections)) {
			ObjectNode dependent = dataAccess.deepCopy()
				.put("id", id)
				.put("scope_name", "https://auth.globus.org/scopes/" + collection + "/data_access")
				.put("effective_identity", this.browser.user().subject());
			dependent.putArray("dependency_path").add(transfer.path("id").asLong()).add(id);
			listed.add(dependent);
			id++;
		}
		this.globus.server()
			.stubFor(get(urlPathEqualTo(consentsPath())).willReturn(FakeGlobus.json(200, canned.toString())));
	}

}
