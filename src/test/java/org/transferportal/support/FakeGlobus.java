package org.transferportal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Test support: a WireMock server that plays Globus Auth (JWKS, token, userinfo, revoke)
 * and Transfer, with RS512-signed ID tokens bound to the nonce Spring put on the
 * authorize redirect. One server is shared by every whole-flow test (so they share one
 * application context); each test uses fresh identities and collection ids.
 */
public final class FakeGlobus {

	public static final String CLIENT_ID = "test-client";

	public static final String CLIENT_SECRET = "test-secret";

	public static final String TRANSFER_ALL = "urn:globus:auth:scope:transfer.api.globus.org:all";

	public static final String LOGIN_SCOPES = "openid profile email";

	public static final String GROUPS_SCOPE = "urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships";

	/** Where Globus Groups lists the caller's groups. */
	public static final String MY_GROUPS = "/v2/groups/my_groups";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static FakeGlobus shared;

	private final WireMockServer server;

	private final RSAKey key;

	/** A Globus identity a test logs in as. */
	public record User(String subject, String username) {

		public static User fresh() {
			String subject = UUID.randomUUID().toString();
			return new User(subject, "user-" + subject.substring(0, 8) + "@globusid.org");
		}

	}

	/**
	 * The tokens one login (code exchange) issued; the Groups ones are {@code null} when
	 * the login did not ask for Groups' scope.
	 *
	 * @param httpsAccess the access tokens of collections' HTTPS servers the login asked
	 * for, by collection id
	 */
	public record Tokens(String authAccess, String authRefresh, String transferAccess, String transferRefresh,
			String groupsAccess, String groupsRefresh, Map<String, String> httpsAccess) {
	}

	/** The scope of a collection's HTTPS server. */
	public static String httpsScope(UUID collection) {
		return "https://auth.globus.org/scopes/" + collection + "/https";
	}

	/** The collections whose HTTPS scope a requested scope string names. */
	public static List<String> httpsCollections(String scope) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?:^|\\s)https://auth\\.globus\\.org/scopes/([0-9a-f-]{36})/https(?=\\s|$)")
			.matcher(scope);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	private FakeGlobus() {
		this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.server.start();
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
				.keyID("test-key")
				.algorithm(JWSAlgorithm.RS512)
				.keyUse(KeyUse.SIGNATURE)
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		reset();
	}

	/** The one fake Globus of this JVM, started on first use. */
	public static synchronized FakeGlobus shared() {
		if (shared == null) {
			shared = new FakeGlobus();
		}
		return shared;
	}

	/**
	 * Points the portal at this fake Globus (call from a {@code DynamicPropertySource}).
	 */
	public static void register(DynamicPropertyRegistry registry) {
		FakeGlobus globus = shared();
		registry.add("globus.auth-url", () -> globus.baseUrl() + "/");
		registry.add("globus.transfer-url", () -> globus.baseUrl() + "/");
		registry.add("globus.groups-url", () -> globus.baseUrl() + "/");
		registry.add("globus.retry-base-delay", () -> "1ms");
		registry.add("globus.timeout", () -> "3s");
	}

	public WireMockServer server() {
		return this.server;
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	/** The issuer of ID tokens: the auth URL without its trailing slash. */
	public String issuer() {
		return baseUrl();
	}

	/** Forgets every stub and request, then serves the JWKS and token revocation. */
	public void reset() {
		this.server.resetAll();
		this.server
			.stubFor(get(urlEqualTo("/jwk.json")).willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(new JWKSet(this.key.toPublicJWK()).toString())));
		this.server.stubFor(post(urlEqualTo("/v2/oauth2/token/revoke")).willReturn(json(200, "{\"active\": false}")));
	}

	/**
	 * Stubs the code exchange of one login and the userinfo of its Auth token.
	 * @param code the authorization code the test will hand to the callback
	 * @param nonce the nonce of the authorize redirect
	 * @param transferFirst whether Transfer's token comes before another resource
	 * server's in {@code other_tokens} (Globus guarantees no order)
	 * @param transferExpiresIn lifetime of the Transfer access token in seconds
	 */
	public Tokens stubLogin(User user, String code, String nonce, boolean transferFirst, long transferExpiresIn) {
		return stubLogin(user, code, nonce, transferFirst, transferExpiresIn, false);
	}

	/**
	 * Like {@link #stubLogin(User, String, String, boolean, long)}; with {@code groups},
	 * Globus Groups' token comes in {@code other_tokens} too (as when the login asked for
	 * {@value #GROUPS_SCOPE}).
	 */
	public Tokens stubLogin(User user, String code, String nonce, boolean transferFirst, long transferExpiresIn,
			boolean groups) {
		return stubLogin(user, code, nonce, transferFirst, transferExpiresIn, groups, List.of());
	}

	/**
	 * Like {@link #stubLogin(User, String, String, boolean, long, boolean)}; each of the
	 * collections gets an HTTPS token in {@code other_tokens}, its id as resource server
	 * (as when the login asked for their {@code https} scopes).
	 */
	public Tokens stubLogin(User user, String code, String nonce, boolean transferFirst, long transferExpiresIn,
			boolean groups, List<String> httpsCollections) {
		int n = COUNTER.incrementAndGet();
		// Distinctive values, so that a scan of the logs for them cannot miss or misfire.
		String tag = n + "-" + UUID.randomUUID();
		Map<String, String> https = new LinkedHashMap<>();
		httpsCollections.forEach((id) -> https.put(id, "https-" + id.substring(0, 8) + "-" + tag));
		Tokens tokens = new Tokens("auth-" + tag, "auth-refresh-" + tag, "xfer-" + tag, "xfer-refresh-" + tag,
				groups ? "groups-" + tag : null, groups ? "groups-refresh-" + tag : null, https);
		ObjectNode answer = JSON.createObjectNode();
		answer.put("access_token", tokens.authAccess());
		answer.put("token_type", "Bearer");
		answer.put("expires_in", 172800);
		answer.put("scope", LOGIN_SCOPES);
		answer.put("resource_server", "auth.globus.org");
		answer.put("refresh_token", tokens.authRefresh());
		answer.put("id_token", idToken(user, nonce));
		ArrayNode others = answer.putArray("other_tokens");
		ObjectNode transfer = JSON.createObjectNode();
		transfer.put("access_token", tokens.transferAccess());
		transfer.put("token_type", "Bearer");
		transfer.put("expires_in", transferExpiresIn);
		transfer.put("scope", TRANSFER_ALL);
		transfer.put("resource_server", "transfer.api.globus.org");
		transfer.put("refresh_token", tokens.transferRefresh());
		ObjectNode search = JSON.createObjectNode();
		search.put("access_token", "search-" + n);
		search.put("token_type", "Bearer");
		search.put("expires_in", 172800);
		search.put("scope", "urn:globus:auth:scope:search.api.globus.org:search");
		search.put("resource_server", "search.api.globus.org");
		if (transferFirst) {
			others.add(transfer);
			others.add(search);
		}
		else {
			others.add(search);
			others.add(transfer);
		}
		if (groups) {
			ObjectNode groupsToken = JSON.createObjectNode();
			groupsToken.put("access_token", tokens.groupsAccess());
			groupsToken.put("token_type", "Bearer");
			groupsToken.put("expires_in", 172800);
			groupsToken.put("scope", GROUPS_SCOPE);
			groupsToken.put("resource_server", "groups.api.globus.org");
			groupsToken.put("refresh_token", tokens.groupsRefresh());
			others.insert(transferFirst ? others.size() : 0, groupsToken);
		}
		https.forEach((id, access) -> {
			ObjectNode token = JSON.createObjectNode();
			token.put("access_token", access);
			token.put("token_type", "Bearer");
			token.put("expires_in", 172800);
			token.put("scope", "https://auth.globus.org/scopes/" + id + "/https");
			token.put("resource_server", id);
			token.put("refresh_token", "https-refresh-" + access);
			others.add(token);
		});
		this.server
			.stubFor(post(urlEqualTo("/v2/oauth2/token")).withRequestBody(containing("grant_type=authorization_code"))
				.withRequestBody(containing("code=" + code))
				.willReturn(json(200, answer.toString())));
		ObjectNode userinfo = JSON.createObjectNode();
		userinfo.put("sub", user.subject());
		userinfo.put("name", "Test User");
		userinfo.put("email", "test@example.org");
		userinfo.put("preferred_username", user.username());
		this.server.stubFor(get(urlEqualTo("/v2/oauth2/userinfo"))
			.withHeader("Authorization", equalTo("Bearer " + tokens.authAccess()))
			.willReturn(json(200, userinfo.toString())));
		return tokens;
	}

	/** An RS512 ID token for the user, bound to the nonce. */
	public String idToken(User user, String nonce) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
			.audience(CLIENT_ID)
			.subject(user.subject())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)))
			.claim("nonce", nonce)
			.claim("preferred_username", user.username())
			.claim("name", "Test User")
			.claim("email", "test@example.org")
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** How many times Globus Groups was asked for the caller's groups. */
	public int myGroupsCalls() {
		return this.server.findAll(WireMock.getRequestedFor(urlPathEqualTo(MY_GROUPS))).size();
	}

	/** Stubs a successful refresh of one refresh token. */
	public void stubRefresh(String refreshToken, String newAccessToken, String resourceServer) {
		ObjectNode answer = JSON.createObjectNode();
		answer.put("access_token", newAccessToken);
		answer.put("token_type", "Bearer");
		answer.put("expires_in", 172800);
		answer.put("scope", TRANSFER_ALL);
		answer.put("resource_server", resourceServer);
		answer.put("refresh_token", refreshToken);
		answer.putArray("other_tokens");
		this.server.stubFor(post(urlEqualTo("/v2/oauth2/token")).withRequestBody(containing("grant_type=refresh_token"))
			.withRequestBody(containing("refresh_token=" + refreshToken))
			.willReturn(json(200, answer.toString())));
	}

	/** Stubs a refresh that Globus refuses ({@code invalid_grant}). */
	public void stubRefreshRefused(String refreshToken) {
		this.server.stubFor(post(urlEqualTo("/v2/oauth2/token")).withRequestBody(containing("grant_type=refresh_token"))
			.withRequestBody(containing("refresh_token=" + refreshToken))
			.willReturn(json(401, body("auth/invalid_grant.json"))));
	}

	/** Stubs {@code GET /v0.10/endpoint/{id}} with a collection of this kind. */
	public void stubCollection(UUID id, String entityType, boolean highAssurance) {
		ObjectNode doc = (ObjectNode) JSON.readTree(body("transfer/endpoint_mapped.json"));
		doc.put("id", id.toString());
		doc.put("display_name", "Collection " + id.toString().substring(0, 8));
		doc.put("entity_type", entityType);
		doc.put("high_assurance", highAssurance);
		if (entityType.endsWith("guest_collection")) {
			doc.put("host_endpoint_id", UUID.randomUUID().toString());
		}
		this.server.stubFor(get(urlEqualTo("/v0.10/endpoint/" + id)).willReturn(json(200, doc.toString())));
	}

	/**
	 * Stubs a collection of this kind whose HTTPS server is the given address (as the
	 * collection document's {@code https_server}).
	 */
	public void stubCollection(UUID id, String entityType, boolean highAssurance, String httpsServer) {
		ObjectNode doc = (ObjectNode) JSON.readTree(body("transfer/endpoint_mapped.json"));
		doc.put("id", id.toString());
		doc.put("display_name", "Collection " + id.toString().substring(0, 8));
		doc.put("entity_type", entityType);
		doc.put("high_assurance", highAssurance);
		doc.put("https_server", httpsServer);
		this.server.stubFor(get(urlEqualTo("/v0.10/endpoint/" + id)).willReturn(json(200, doc.toString())));
	}

	public UUID mappedCollection() {
		UUID id = UUID.randomUUID();
		stubCollection(id, "GCSv5_mapped_collection", false);
		return id;
	}

	public UUID guestCollection() {
		UUID id = UUID.randomUUID();
		stubCollection(id, "GCSv5_guest_collection", false);
		return id;
	}

	/** Stubs the submission id, a task and its events. */
	public void stubSubmissionId(String submissionId) {
		this.server.stubFor(get(urlPathEqualTo("/v0.10/submission_id"))
			.willReturn(json(200, "{\"DATA_TYPE\":\"submission_id\",\"value\":\"" + submissionId + "\"}")));
	}

	/** Stubs {@code GET /task/{id}} and its event list. */
	public void stubTask(String taskId) {
		this.server.stubFor(get(urlPathEqualTo("/v0.10/task/" + taskId)).willReturn(
				json(200, body("transfer/task_active.json").replace("b8872740-7edc-11ec-9f33-ed182a728dff", taskId))));
		this.server.stubFor(get(urlPathEqualTo("/v0.10/task/" + taskId + "/event_list"))
			.willReturn(json(200, body("transfer/event_list.json"))));
	}

	/** A transfer_result answer naming this task. */
	public static String submitResult(String code, String submissionId, String taskId) {
		String canned = "Duplicate".equals(code) ? body("transfer/submit_duplicate.json")
				: body("transfer/submit_accepted.json");
		return canned.replace("0f6c7b0e-1c3a-4b0e-9a31-0d2b5a0c7e11", submissionId)
			.replace("b8872740-7edc-11ec-9f33-ed182a728dff", taskId);
	}

	/**
	 * A ConsentRequired body (reference §4.1) asking for these collections' data_access.
	 */
	public static String consentRequired(UUID... collections) {
		String scope = dataAccessScope(collections);
		return "{\"code\": \"ConsentRequired\", \"message\": \"Missing required data_access consent\","
				+ " \"request_id\": \"m8RfX3cES\", \"resource\": \"/transfer\", \"required_scopes\": [\"" + scope
				+ "\"], \"authorization_parameters\": {\"session_message\": \"Missing required data_access consent\","
				+ " \"required_scopes\": [\"" + scope + "\"]}}";
	}

	/** Transfer's root scope with the optional data_access of each collection. */
	public static String dataAccessScope(UUID... collections) {
		List<String> deps = new ArrayList<>();
		for (UUID id : collections) {
			deps.add("*https://auth.globus.org/scopes/" + id + "/data_access");
		}
		return TRANSFER_ALL + "[" + String.join(" ", deps) + "]";
	}

	/** POST bodies Transfer received at this path, as JSON. */
	public List<JsonNode> posted(String path) {
		return this.server.findAll(postRequestedFor(urlEqualTo(path)))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.map(JSON::readTree)
			.toList();
	}

	/** Form bodies Globus Auth received at this path. */
	public List<Map<String, String>> postedForms(String path) {
		return this.server.findAll(postRequestedFor(urlEqualTo(path)))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.map(FakeGlobus::query)
			.toList();
	}

	/** Every request logged, to check what reached Globus. */
	public List<LoggedRequest> requests() {
		return this.server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
	}

	/** Decoded query parameters of a URL (or a form body). */
	public static Map<String, String> query(String urlOrForm) {
		String raw = urlOrForm.contains("?") ? URI.create(urlOrForm).getRawQuery() : urlOrForm;
		Map<String, String> params = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return params;
		}
		for (String pair : raw.split("&")) {
			String[] kv = pair.split("=", 2);
			params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					(kv.length > 1) ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
		}
		return params;
	}

	public static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** The text of a canned body under {@code src/test/resources/globus/}. */
	public static String body(String name) {
		try (InputStream in = FakeGlobus.class.getResourceAsStream("/globus/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No canned body " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
