package org.transferportal.simulator.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.ConsentLedger;
import org.transferportal.simulator.SimIdentity;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.LoginSession;
import org.transferportal.simulator.SimScope;
import org.transferportal.simulator.SimJson;
import org.transferportal.simulator.SimulatorProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The browser-facing pages of the simulated Globus Auth: authorize, login, consent and
 * logout. Its session lives in its own {@value #COOKIE} cookie, never an HttpSession.
 */
@Controller
@RequestMapping("/simulator/auth")
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class AuthPagesController {

	static final String COOKIE = "globus_sim_session";

	private final SimulatorProperties properties;

	private final AuthorizationStore store;

	private final IdentityDirectory identities;

	private final ScopeRules rules;

	private final RedirectUris redirectUris;

	private final CollectionCatalog collections;

	private final ConsentLedger consents;

	AuthPagesController(SimulatorProperties properties, AuthorizationStore store, IdentityDirectory identities,
			CollectionCatalog collections, ConsentLedger consents) {
		this.properties = properties;
		this.store = store;
		this.identities = identities;
		this.collections = collections;
		this.consents = consents;
		this.rules = new ScopeRules(collections);
		this.redirectUris = new RedirectUris(properties.redirectUris());
	}

	@GetMapping("/v2/oauth2/authorize")
	String authorize(@RequestParam Map<String, String> params,
			@CookieValue(name = COOKIE, required = false) String cookie, Model model, HttpServletResponse response) {
		String clientId = params.get("client_id");
		String redirectUri = params.get("redirect_uri");
		if (clientId == null || !clientId.equals(this.properties.clientId())) {
			return errorPage(model, response, "Unknown client_id. This simulator only knows the demo portal.");
		}
		if (!this.redirectUris.allows(redirectUri)) {
			return errorPage(model, response, "redirect_uri is not registered for this client; this simulator accepts "
					+ this.redirectUris.describe() + ".");
		}
		String state = params.get("state");
		if (!"code".equals(params.get("response_type"))) {
			return redirectError(redirectUri, "unsupported_response_type", "Only response_type=code", state);
		}
		List<SimScope> scopes;
		try {
			scopes = SimScope.parse(params.get("scope"));
		}
		catch (IllegalArgumentException ex) {
			return redirectError(redirectUri, "invalid_scope", ex.getMessage(), state);
		}
		Optional<String> scopeError = this.rules.validate(scopes);
		if (scopeError.isPresent()) {
			return redirectError(redirectUri, "invalid_scope", scopeError.get(), state);
		}
		String challenge = params.get("code_challenge");
		if (challenge != null && !"S256".equals(params.get("code_challenge_method"))) {
			return redirectError(redirectUri, "invalid_request", "Only code_challenge_method=S256", state);
		}
		boolean offline = "offline".equals(params.get("access_type"));
		PendingAuthorization request = new PendingAuthorization(UUID.randomUUID().toString(), SimJson.randomString(32),
				clientId, redirectUri, state, params.get("nonce"), scopes, challenge, offline,
				"login".equals(params.get("prompt")), commaList(params.get("session_required_identities")),
				commaList(params.get("session_required_single_domain")),
				commaList(params.get("session_required_policies")),
				"true".equalsIgnoreCase(params.get("session_required_mfa")), params.get("session_message"),
				Instant.now());
		try {
			SessionRequirements.of(request, this.collections);
		}
		catch (IllegalArgumentException ex) {
			return redirectError(redirectUri, "invalid_request", ex.getMessage(), state);
		}
		this.store.savePending(request);
		Optional<LoginSession> session = this.store.findSession(cookie);
		// Only what the request requires forces a new login: prompt=login, or a session
		// that does not meet its identity, domain, policy or MFA requirements.
		if (request.forceLogin() || session.isEmpty() || !sessionSatisfies(session.get(), request)) {
			return loginPage(model, request);
		}
		return consentStep(model, request, session.get());
	}

	@PostMapping("/v2/web/login")
	String login(@RequestParam("authorization_id") String authorizationId, @RequestParam("form_token") String formToken,
			@RequestParam("identity") String username, @CookieValue(name = COOKIE, required = false) String cookie,
			Model model, HttpServletResponse response) {
		Optional<PendingAuthorization> request = this.store.findPending(authorizationId, formToken);
		if (request.isEmpty()) {
			return errorPage(model, response, "This login form has expired or was not issued by this simulator.");
		}
		Optional<SimIdentity> identity = this.identities.find(username)
			.filter((i) -> qualifies(i, request.get()) && this.identities.loginIdentities().contains(i));
		if (identity.isEmpty()) {
			return loginPage(model, request.get());
		}
		LoginSession session = new LoginSession(identity.get().sub(), identity.get().domain(), Instant.now(),
				request.get().requireMfa());
		String value = this.store.startSession(session, cookie);
		response.addHeader(HttpHeaders.SET_COOKIE, sessionCookie(value, -1).toString());
		return "redirect:/simulator/auth/v2/web/consent?authorization_id=" + encode(authorizationId);
	}

	@GetMapping("/v2/web/consent")
	String consent(@RequestParam("authorization_id") String authorizationId,
			@CookieValue(name = COOKIE, required = false) String cookie, Model model, HttpServletResponse response) {
		Optional<PendingAuthorization> request = this.store.findPending(authorizationId, null);
		if (request.isEmpty()) {
			return errorPage(model, response, "This authorization request has expired or was already completed.");
		}
		Optional<LoginSession> session = this.store.findSession(cookie);
		if (session.isEmpty() || !sessionSatisfies(session.get(), request.get())) {
			return loginPage(model, request.get());
		}
		return consentStep(model, request.get(), session.get());
	}

	@PostMapping("/v2/web/consent")
	String decide(@RequestParam("authorization_id") String authorizationId,
			@RequestParam("form_token") String formToken, @RequestParam("decision") String decision,
			@CookieValue(name = COOKIE, required = false) String cookie, Model model, HttpServletResponse response) {
		Optional<PendingAuthorization> request = this.store.findPending(authorizationId, formToken);
		Optional<LoginSession> session = this.store.findSession(cookie);
		if (request.isEmpty() || session.isEmpty()) {
			return errorPage(model, response, "This consent form has expired or was not issued by this simulator.");
		}
		PendingAuthorization auth = request.get();
		if (!"allow".equals(decision)) {
			this.store.removePending(auth.id());
			return redirectError(auth.redirectUri(), "access_denied", "The user declined the request", auth.state());
		}
		this.consents.record(session.get().identityId(), auth.clientId(), auth.scopes());
		return redirectWithCode(auth, session.get());
	}

	@GetMapping("/v2/web/logout")
	String logout(@CookieValue(name = COOKIE, required = false) String cookie,
			@RequestParam(name = "redirect_uri", required = false) String redirectUri,
			@RequestParam(name = "redirect_name", required = false) String redirectName, Model model,
			HttpServletResponse response) {
		this.store.endSession(cookie);
		response.addHeader(HttpHeaders.SET_COOKIE, sessionCookie("", 0).toString());
		boolean safeLink = redirectUri != null
				&& (redirectUri.startsWith("http://") || redirectUri.startsWith("https://"));
		model.addAttribute("returnUri", safeLink ? redirectUri : null);
		model.addAttribute("returnName", (redirectName != null) ? redirectName : "the application");
		return "simulator/logout";
	}

	private String consentStep(Model model, PendingAuthorization request, LoginSession session) {
		if (this.consents.allConsented(session.identityId(), request.clientId(), request.scopes())) {
			return redirectWithCode(request, session);
		}
		SimIdentity identity = this.identities.find(session.identityId()).orElseThrow();
		List<ConsentLine> lines = new ArrayList<>();
		for (SimScope scope : request.scopes()) {
			addLines(lines, scope, List.of());
		}
		model.addAttribute("request", request);
		model.addAttribute("identity", identity);
		model.addAttribute("lines", lines);
		return "simulator/consent";
	}

	/**
	 * A scope's line, then its dependents' lines, however deep (Timers, Transfer,
	 * data_access).
	 */
	private void addLines(List<ConsentLine> lines, SimScope scope, List<String> above) {
		lines.add(new ConsentLine(this.rules.describe(scope.name(), above), scope.name(), !above.isEmpty()));
		List<String> path = new ArrayList<>(above);
		path.add(scope.name());
		for (SimScope dependency : scope.dependencies()) {
			addLines(lines, dependency, path);
		}
	}

	private String redirectWithCode(PendingAuthorization request, LoginSession session) {
		String code = this.store.issueCode(request, session);
		return "redirect:" + appendQuery(request.redirectUri(), "code", code, "state", request.state());
	}

	private String loginPage(Model model, PendingAuthorization request) {
		List<SimIdentity> offered = this.identities.loginIdentities()
			.stream()
			.filter((identity) -> qualifies(identity, request))
			.toList();
		model.addAttribute("request", request);
		model.addAttribute("identities", offered);
		model.addAttribute("domains", SessionRequirements.of(request, this.collections).domains());
		return "simulator/login";
	}

	private boolean sessionSatisfies(LoginSession session, PendingAuthorization request) {
		return SessionRequirements.of(request, this.collections).metBy(session, this.identities, Instant.now());
	}

	private boolean qualifies(SimIdentity identity, PendingAuthorization request) {
		return SessionRequirements.of(request, this.collections).admits(identity, this.identities);
	}

	private String errorPage(Model model, HttpServletResponse response, String message) {
		response.setStatus(400);
		model.addAttribute("message", message);
		return "simulator/error";
	}

	private static String redirectError(String redirectUri, String error, String description, String state) {
		return "redirect:" + appendQuery(redirectUri, "error", error, "error_description", description, "state", state);
	}

	private static String appendQuery(String uri, String... keysAndValues) {
		StringBuilder sb = new StringBuilder(uri);
		char separator = uri.contains("?") ? '&' : '?';
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				sb.append(separator).append(keysAndValues[i]).append('=').append(encode(keysAndValues[i + 1]));
				separator = '&';
			}
		}
		return sb.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static List<String> commaList(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	private ResponseCookie sessionCookie(String value, long maxAge) {
		return ResponseCookie.from(COOKIE, value)
			.path("/simulator")
			.httpOnly(true)
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
	}

	/**
	 * One line of the consent page.
	 *
	 * @param text plain words
	 * @param scope the scope string
	 * @param dependent whether it is a dependent scope
	 */
	record ConsentLine(String text, String scope, boolean dependent) {
	}

}
