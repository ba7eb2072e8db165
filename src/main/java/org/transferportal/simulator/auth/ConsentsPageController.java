package org.transferportal.simulator.auth;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.ConsentLedger;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.LoginSession;
import org.transferportal.simulator.SimConsent;
import org.transferportal.simulator.SimJson;
import org.transferportal.simulator.TokenStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The simulated Globus's "manage consents" page (app.globus.org's Settings → Consents):
 * the logged-in identity sees what it granted and revokes any of it, e.g. a collection's
 * {@code data_access} while one of its tasks runs. Also serves the pages' stylesheet.
 */
@Controller
@RequestMapping("/simulator/auth/v2/web")
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class ConsentsPageController {

	private final AuthorizationStore store;

	private final ConsentLedger consents;

	private final TokenStore tokens;

	private final IdentityDirectory identities;

	private final ScopeRules rules;

	ConsentsPageController(AuthorizationStore store, ConsentLedger consents, TokenStore tokens,
			IdentityDirectory identities, CollectionCatalog collections) {
		this.store = store;
		this.consents = consents;
		this.tokens = tokens;
		this.identities = identities;
		this.rules = new ScopeRules(collections);
	}

	@GetMapping("/consents")
	String consents(@CookieValue(name = AuthPagesController.COOKIE, required = false) String cookie, Model model,
			HttpServletResponse response) {
		Optional<LoginSession> session = this.store.findSession(cookie);
		if (session.isEmpty()) {
			response.setStatus(401);
			model.addAttribute("message", "You are not logged in to the simulated Globus. Log in to the portal "
					+ "first; this page then shows the consents of the identity you logged in with.");
			return "simulator/error";
		}
		List<SimConsent> granted = this.consents.consentsOf(session.get().identityId());
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		granted.forEach((c) -> names.put(c.id(), c.scopeName()));
		List<ConsentRow> rows = granted.stream()
			.map((c) -> new ConsentRow(c.id(), this.rules.describe(c.scopeName(), above(c, names)), c.scopeName(),
					c.clientId(), !c.isRoot(), c.created().toString()))
			.toList();
		model.addAttribute("identity", this.identities.find(session.get().identityId()).orElseThrow());
		model.addAttribute("rows", rows);
		model.addAttribute("formToken", this.store.sessionFormToken(cookie).orElseThrow());
		return "simulator/consents";
	}

	/** The scopes of the consents a consent hangs below, root first. */
	private static List<String> above(SimConsent consent, java.util.Map<Long, String> names) {
		List<Long> path = consent.dependencyPath();
		return path.subList(0, path.size() - 1).stream().map((id) -> names.getOrDefault(id, "")).toList();
	}

	@PostMapping("/consents/revoke")
	String revoke(@RequestParam("consent_id") long consentId, @RequestParam("form_token") String formToken,
			@CookieValue(name = AuthPagesController.COOKIE, required = false) String cookie, Model model,
			HttpServletResponse response) {
		Optional<LoginSession> session = this.store.findSession(cookie);
		if (session.isEmpty() || !this.store.sessionFormTokenMatches(cookie, formToken)) {
			response.setStatus(400);
			model.addAttribute("message", "This form has expired or was not issued by this simulator.");
			return "simulator/error";
		}
		for (SimConsent revoked : this.consents.revoke(session.get().identityId(), consentId)) {
			// A revoked root consent takes the tokens resting on it along.
			if (revoked.isRoot()) {
				this.tokens.revokeAll(revoked.identityId(), revoked.clientId(),
						ScopeRules.resourceServer(revoked.scopeName()));
			}
		}
		return "redirect:/simulator/auth/v2/web/consents";
	}

	@GetMapping("/style.css")
	@ResponseBody
	ResponseEntity<String> style() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css"))
			.cacheControl(CacheControl.noCache())
			.body(SimJson.text("simulator/simulator.css"));
	}

	/**
	 * One consent as the page shows it.
	 *
	 * @param id consent id
	 * @param text plain words
	 * @param scope the scope string
	 * @param clientId the client it was granted to
	 * @param dependent whether it is a dependent consent
	 * @param created when granted
	 */
	record ConsentRow(long id, String text, String scope, String clientId, boolean dependent, String created) {
	}

}
