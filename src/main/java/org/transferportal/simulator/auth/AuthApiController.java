package org.transferportal.simulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.transferportal.simulator.ConsentLedger;
import org.transferportal.simulator.FaultInjector;
import org.transferportal.simulator.SimIdentity;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.IssuedToken;
import org.transferportal.simulator.SimScope;
import org.transferportal.simulator.SimJson;
import org.transferportal.simulator.SimulatorProperties;
import org.transferportal.simulator.TokenStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The machine-facing endpoints of the simulated Globus Auth (reference §1).
 */
@RestController
@RequestMapping("/simulator/auth")
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class AuthApiController {

	private final SimulatorProperties properties;

	private final TokenStore tokens;

	private final AuthorizationStore store;

	private final IdentityDirectory identities;

	private final IdTokenSigner signer;

	private final FaultInjector faults;

	private final ClientCredentials clients;

	private final ConsentLedger consents;

	AuthApiController(SimulatorProperties properties, TokenStore tokens, AuthorizationStore store,
			IdentityDirectory identities, IdTokenSigner signer, FaultInjector faults, ConsentLedger consents) {
		this.properties = properties;
		this.tokens = tokens;
		this.store = store;
		this.identities = identities;
		this.signer = signer;
		this.faults = faults;
		this.clients = new ClientCredentials(properties.clientId(), properties.clientSecret());
		this.consents = consents;
	}

	static String issuer(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
				+ "/simulator/auth";
	}

	@GetMapping("/.well-known/openid-configuration")
	ResponseEntity<String> discovery(HttpServletRequest request) {
		String issuer = issuer(request);
		return SimJson.respond(200, SimJson.object("issuer", issuer, "authorization_endpoint",
				issuer + "/v2/oauth2/authorize", "token_endpoint", issuer + "/v2/oauth2/token", "userinfo_endpoint",
				issuer + "/v2/oauth2/userinfo", "revocation_endpoint", issuer + "/v2/oauth2/token/revoke",
				"introspection_endpoint", issuer + "/v2/oauth2/token/introspect", "jwks_uri", issuer + "/jwk.json",
				"response_types_supported", List.of("code"), "grant_types_supported",
				List.of("authorization_code", "refresh_token"), "subject_types_supported", List.of("public"),
				"id_token_signing_alg_values_supported", List.of("RS512"), "scopes_supported",
				List.of("openid", "email", "profile"), "token_endpoint_auth_methods_supported",
				List.of("client_secret_basic"), "claims_supported",
				List.of("at_hash", "aud", "email", "exp", "name", "nonce", "preferred_username", "iat", "iss", "sub",
						"organization", "identity_provider", "identity_provider_display_name", "last_authentication",
						"identity_set"),
				"code_challenge_methods_supported", List.of("S256")));
	}

	@GetMapping("/jwk.json")
	ResponseEntity<String> jwks() {
		return SimJson.respond(200, this.signer.jwks());
	}

	@PostMapping("/v2/oauth2/token")
	ResponseEntity<String> token(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
		this.faults.delay();
		Optional<String> clientId = authenticateClient(authorization);
		if (clientId.isEmpty()) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"simulated Globus Auth\"");
			return SimJson.respond(401, SimJson.object("error", "invalid_client"), headers);
		}
		String grantType = form.getFirst("grant_type");
		if ("authorization_code".equals(grantType)) {
			return exchangeCode(clientId.get(), form, request);
		}
		if ("refresh_token".equals(grantType)) {
			return this.tokens.refresh(form.getFirst("refresh_token"), clientId.get()).map((token) -> {
				Map<String, Object> body = tokenJson(token, null);
				body.put("other_tokens", List.of());
				return SimJson.respond(200, body);
			}).orElseGet(AuthApiController::invalidGrant);
		}
		return SimJson.respond(400, SimJson.object("error", "unsupported_grant_type"));
	}

	private ResponseEntity<String> exchangeCode(String clientId, MultiValueMap<String, String> form,
			HttpServletRequest request) {
		Optional<AuthorizationCode> redeemed = this.store.redeemCode(form.getFirst("code"));
		if (redeemed.isEmpty()) {
			return invalidGrant();
		}
		PendingAuthorization auth = redeemed.get().request();
		if (!auth.clientId().equals(clientId) || !auth.redirectUri().equals(form.getFirst("redirect_uri"))
				|| !pkceMatches(auth.codeChallenge(), form.getFirst("code_verifier"))) {
			return invalidGrant();
		}
		Map<String, List<SimScope>> byResourceServer = new LinkedHashMap<>();
		for (SimScope scope : auth.scopes()) {
			byResourceServer.computeIfAbsent(ScopeRules.resourceServer(scope.name()), (rs) -> new ArrayList<>())
				.add(scope);
		}
		List<IssuedToken> issued = new ArrayList<>();
		byResourceServer.forEach((rs, scopes) -> issued
			.add(this.tokens.issue(rs, clientId, List.copyOf(scopes), redeemed.get().session(), auth.offline())));
		IssuedToken top = issued.stream()
			.filter((t) -> TokenStore.AUTH.equals(t.resourceServer()))
			.findFirst()
			.orElse(issued.get(0));
		List<IssuedToken> others = new ArrayList<>(issued);
		others.remove(top);
		if (this.properties.shuffleOtherTokens()) {
			Collections.shuffle(others);
		}
		Map<String, Object> body = tokenJson(top, auth.state());
		boolean openid = auth.scopes().stream().anyMatch((s) -> "openid".equals(s.name()));
		if (openid) {
			body.put("id_token", idToken(top, auth.nonce(), issuer(request)));
		}
		body.put("other_tokens", others.stream().map((t) -> tokenJson(t, auth.state())).toList());
		return SimJson.respond(200, body);
	}

	private Map<String, Object> tokenJson(IssuedToken token, String state) {
		Map<String, Object> json = SimJson.object("access_token", token.accessToken(), "token_type", "Bearer",
				"expires_in", this.properties.tokenLifetime().toSeconds(), "scope", token.rootScopeNames(),
				"resource_server", token.resourceServer());
		if (token.refreshToken() != null) {
			json.put("refresh_token", token.refreshToken());
		}
		if (state != null) {
			json.put("state", state);
		}
		return json;
	}

	private String idToken(IssuedToken token, String nonce, String issuer) {
		SimIdentity identity = this.identities.find(token.sub()).orElseThrow();
		Map<String, Object> claims = claims(identity, token);
		if (nonce != null) {
			claims.put("nonce", nonce);
		}
		claims.put("at_hash", IdTokenSigner.accessTokenHash(token.accessToken()));
		return this.signer.sign(claims, issuer, token.clientId(), Date.from(token.issuedAt()),
				Date.from(token.expiresAt()));
	}

	/**
	 * The user's claims; {@code identity_set} only when the token carries the
	 * view_identity_set scope, as Globus does, with a {@code last_authentication} only
	 * for the identity the session logged in with (null for the others).
	 */
	private Map<String, Object> claims(SimIdentity identity, IssuedToken token) {
		Instant lastAuthentication = token.session().authenticatedAt();
		Map<String, Object> claims = identityJson(identity);
		claims.put("preferred_username", identity.username());
		claims.put("last_authentication", lastAuthentication.getEpochSecond());
		if (token.scopes().stream().noneMatch((scope) -> ScopeRules.VIEW_IDENTITY_SET.equals(scope.name()))) {
			return claims;
		}
		claims.put("identity_set", this.identities.identitySet(identity).stream().map((i) -> {
			Map<String, Object> member = identityJson(i);
			member.put("username", i.username());
			member.put("last_authentication", i.sub().equals(token.sub()) ? lastAuthentication.getEpochSecond() : null);
			return member;
		}).toList());
		return claims;
	}

	private static Map<String, Object> identityJson(SimIdentity identity) {
		return SimJson.object("sub", identity.sub(), "name", identity.name(), "email", identity.email(), "organization",
				identity.organization(), "identity_provider", identity.identityProvider(),
				"identity_provider_display_name", identity.identityProviderDisplayName());
	}

	@RequestMapping(path = "/v2/oauth2/userinfo", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<String> userinfo(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String header) {
		Optional<IssuedToken> token = this.tokens.fromHeader(header, TokenStore.AUTH);
		if (token.isEmpty()) {
			return authError(401);
		}
		SimIdentity identity = this.identities.find(token.get().sub()).orElseThrow();
		return SimJson.respond(200, claims(identity, token.get()));
	}

	@PostMapping("/v2/oauth2/token/revoke")
	ResponseEntity<String> revoke(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String header,
			@RequestParam(name = "token", required = false) String token) {
		if (authenticateClient(header).isEmpty()) {
			return SimJson.respond(401, SimJson.object("error", "invalid_client"));
		}
		this.tokens.revoke(token);
		return SimJson.respond(200, SimJson.object("active", false));
	}

	@PostMapping("/v2/oauth2/token/introspect")
	ResponseEntity<String> introspect(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String header,
			@RequestParam(name = "token", required = false) String token,
			@RequestParam(name = "include", required = false) String include, HttpServletRequest request) {
		Optional<String> clientId = authenticateClient(header);
		if (clientId.isEmpty()) {
			return SimJson.respond(401, SimJson.object("error", "invalid_client"));
		}
		Optional<IssuedToken> found = this.tokens.findActive(token).filter((t) -> t.clientId().equals(clientId.get()));
		if (found.isEmpty()) {
			return SimJson.respond(200, SimJson.object("active", false));
		}
		IssuedToken t = found.get();
		SimIdentity identity = this.identities.find(t.sub()).orElseThrow();
		Map<String, Object> body = SimJson.object("active", true, "token_type", "Bearer", "scope", t.rootScopeNames(),
				"client_id", t.clientId(), "sub", t.sub(), "username", identity.username(), "name", identity.name(),
				"email", identity.email(), "aud", List.of(t.resourceServer(), t.clientId()), "iss", issuer(request),
				"exp", t.expiresAt().getEpochSecond(), "iat", t.issuedAt().getEpochSecond(), "nbf",
				t.issuedAt().getEpochSecond());
		if (include != null && include.contains("identity_set")) {
			body.put("identity_set", this.identities.identitySet(identity).stream().map(SimIdentity::sub).toList());
		}
		if (include != null && include.contains("session_info")) {
			body.put("session_info",
					SimJson.object("session_id", UUID.nameUUIDFromBytes(t.session().toString().getBytes()).toString(),
							"authentications",
							Map.of(t.sub(), SimJson.object("auth_time", t.session().authenticatedAt().getEpochSecond(),
									"idp", identity.identityProvider()))));
		}
		return SimJson.respond(200, body);
	}

	@GetMapping("/v2/api/identities/{sub}/consents")
	ResponseEntity<String> consents(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String header,
			@PathVariable String sub) {
		Optional<IssuedToken> token = this.tokens.fromHeader(header, TokenStore.AUTH);
		if (token.isEmpty()) {
			return authError(401);
		}
		if (!token.get().sub().equals(sub)) {
			return authError(403);
		}
		List<Map<String, Object>> consents = this.consents.consentsOf(sub)
			.stream()
			.map((c) -> SimJson.object("id", c.id(), "scope_name", c.scopeName(), "scope",
					UUID.nameUUIDFromBytes(c.scopeName().getBytes(StandardCharsets.UTF_8)).toString(),
					"dependency_path", c.dependencyPath(), "status", "approved", "client", c.clientId(),
					"effective_identity", c.identityId(), "atomically_revocable", c.atomicallyRevocable(),
					"auto_approved", false, "allows_refresh", true, "created", c.created().toString(), "updated",
					c.created().toString(), "last_used", c.created().toString()))
			.toList();
		return SimJson.respond(200, SimJson.object("consents", consents));
	}

	private Optional<String> authenticateClient(String header) {
		return this.clients.authenticate(header);
	}

	private static boolean pkceMatches(String challenge, String verifier) {
		if (challenge == null) {
			return true;
		}
		if (verifier == null) {
			return false;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
			return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
					challenge.getBytes(StandardCharsets.US_ASCII));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ResponseEntity<String> invalidGrant() {
		return SimJson.respond(401, SimJson.object("error", "invalid_grant"));
	}

	static ResponseEntity<String> authError(int status) {
		boolean unauthorized = status == 401;
		Map<String, Object> error = SimJson.object("status", String.valueOf(status), "id", UUID.randomUUID().toString(),
				"code", unauthorized ? "UNAUTHORIZED" : "FORBIDDEN", "detail",
				unauthorized ? "Call must be authenticated" : "You do not have permission to do this", "title",
				unauthorized ? "Unauthorized" : "Forbidden");
		return SimJson.respond(status,
				SimJson.object("errors", List.of(error), "error", unauthorized ? "unauthorized" : "forbidden",
						"error_description", unauthorized ? "Unauthorized" : "Forbidden"));
	}

}
