package org.transferportal.simulator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test support: drives the simulated Globus login and consent pages like a browser
 * (cookies kept, redirects not followed) and calls its APIs.
 */
public class SimulatedGlobusBrowser {

	public static final String CLIENT_ID = "transfer-portal-demo";

	public static final String CLIENT_SECRET = "qfZoB0VWIcJFW/8vD3fq/rKVyDYZEaVANL6tEsvhuHE=";

	public static final String TRANSFER_ALL = "urn:globus:auth:scope:transfer.api.globus.org:all";

	public static final String REDIRECT_URI = "http://localhost:9999/login/oauth2/code/globus";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern FORM_FIELD = Pattern
		.compile("name=\"(authorization_id|form_token)\" value=\"([^\"]*)\"");

	private final String base;

	private final HttpClient http;

	/** The last page or answer seen. */
	private HttpResponse<String> last;

	public SimulatedGlobusBrowser(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();
	}

	public static String dataAccess(String collectionId) {
		return "https://auth.globus.org/scopes/" + collectionId + "/data_access";
	}

	public HttpResponse<String> last() {
		return this.last;
	}

	public HttpResponse<String> get(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.build());
	}

	public HttpResponse<String> send(String method, String path, String bearer, String jsonBody) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(jsonBody != null) ? HttpRequest.BodyPublishers.ofString(jsonBody)
							: HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.build());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> form, String basicAuth) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.header("Content-Type", "application/x-www-form-urlencoded");
		if (basicAuth != null) {
			request.header("Authorization", basicAuth);
		}
		return send(request.build());
	}

	public static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/** Starts an authorization; answers the login page, consent page or redirect. */
	public HttpResponse<String> authorize(Map<String, String> params) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("client_id", CLIENT_ID);
		all.put("redirect_uri", REDIRECT_URI);
		all.put("response_type", "code");
		all.put("state", "state-123");
		all.putAll(params);
		return get("/simulator/auth/v2/oauth2/authorize?" + encode(all), null);
	}

	/**
	 * Presses the identity button on the current login page, then loads the next page.
	 */
	public HttpResponse<String> pressIdentity(String localPart) {
		String page = this.last.body();
		assertThat(page).as("login page").contains("id=\"identity-" + localPart + "\"");
		Matcher button = Pattern.compile("name=\"identity\" value=\"([^\"]+)\"\\s+id=\"identity-" + localPart + "\"")
			.matcher(page);
		assertThat(button.find()).as("identity button").isTrue();
		Map<String, String> form = formFields(page);
		form.put("identity", button.group(1));
		HttpResponse<String> response = postForm("/simulator/auth/v2/web/login", form, null);
		assertThat(response.statusCode()).isEqualTo(302);
		return get(response.headers().firstValue("Location").orElseThrow().replace(this.base, ""), null);
	}

	/** Presses {@code allow} or {@code decline} on the current consent page. */
	public HttpResponse<String> press(String buttonId) {
		String page = this.last.body();
		assertThat(page).as("consent page").contains("id=\"" + buttonId + "\"");
		Map<String, String> form = formFields(page);
		form.put("decision", buttonId);
		return postForm("/simulator/auth/v2/web/consent", form, null);
	}

	public static boolean isLoginPage(HttpResponse<String> response) {
		return response.statusCode() == 200 && response.body().contains("name=\"identity\"");
	}

	public static boolean isConsentPage(HttpResponse<String> response) {
		return response.statusCode() == 200 && response.body().contains("id=\"allow\"");
	}

	/** Query parameters of the redirect back to the client. */
	public static Map<String, String> redirectParams(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("redirect back to the client").isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(REDIRECT_URI);
		Map<String, String> params = new LinkedHashMap<>();
		String query = URI.create(location).getRawQuery();
		for (String pair : query.split("&")) {
			String[] kv = pair.split("=", 2);
			params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
		}
		return params;
	}

	/**
	 * Runs the whole flow (login as needed, allow consent) and exchanges the code.
	 * @return the token response
	 */
	public JsonNode login(String localPart, String scope, Map<String, String> extraParams) {
		String verifier = "verifier-" + "x".repeat(50);
		Map<String, String> params = new LinkedHashMap<>();
		params.put("scope", scope);
		params.put("code_challenge", s256(verifier));
		params.put("code_challenge_method", "S256");
		params.put("nonce", "nonce-42");
		params.putAll(extraParams);
		HttpResponse<String> response = authorize(params);
		if (isLoginPage(response)) {
			response = pressIdentity(localPart);
		}
		if (isConsentPage(response)) {
			response = press("allow");
		}
		Map<String, String> redirect = redirectParams(response);
		assertThat(redirect).containsKey("code");
		HttpResponse<String> token = exchange(redirect.get("code"), verifier);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return json(token);
	}

	public HttpResponse<String> exchange(String code, String verifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", REDIRECT_URI);
		if (verifier != null) {
			form.put("code_verifier", verifier);
		}
		return postForm("/simulator/auth/v2/oauth2/token", form, basic(CLIENT_ID, CLIENT_SECRET));
	}

	/** Logs in and returns the Transfer access token. */
	public String transferToken(String localPart, String scope) {
		return tokenFor(login(localPart, scope, Map.of()), "transfer.api.globus.org").path("access_token").asString();
	}

	/**
	 * The token of one resource server in a token response, top level or other_tokens.
	 */
	public static JsonNode tokenFor(JsonNode response, String resourceServer) {
		if (resourceServer.equals(response.path("resource_server").asString())) {
			return response;
		}
		for (JsonNode other : response.path("other_tokens")) {
			if (resourceServer.equals(other.path("resource_server").asString())) {
				return other;
			}
		}
		throw new AssertionError("No token for " + resourceServer + " in " + response);
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	public static String s256(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			this.last = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return this.last;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> formFields(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = FORM_FIELD.matcher(page);
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2));
		}
		assertThat(fields).containsKeys("authorization_id", "form_token");
		return fields;
	}

	private static String encode(Map<String, String> params) {
		return params.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
