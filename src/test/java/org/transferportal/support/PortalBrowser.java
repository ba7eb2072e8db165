package org.transferportal.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Test support: one browser session on the portal through MockMvc, with the Globus Auth
 * leg played by {@link FakeGlobus}: redirects to Globus are read, not followed, and the
 * callback is made the way Globus would redirect the browser.
 *
 * <p>
 * Sessions live in the database (Spring Session JDBC), which MockMvc's
 * {@code .session(...)} does not reach: like a browser, this one keeps the cookies the
 * portal sets (the {@code SESSION} cookie among them) and sends them back. It can move to
 * another portal instance ({@link #on(MockMvc)}) and keep its cookies, as behind a load
 * balancer.
 */
public final class PortalBrowser {

	/** Where the portal's "Log in" link leads. */
	public static final String LOGIN = "/oauth2/authorization/globus";

	/** The cookie that names the session. */
	public static final String SESSION_COOKIE = "SESSION";

	private MockMvc mvc;

	private final FakeGlobus globus;

	private final FakeGlobus.User user;

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	/** The tokens of the last login. */
	private FakeGlobus.Tokens tokens;

	/** Whether logins put Transfer's token first in {@code other_tokens}. */
	private boolean transferFirst = true;

	/** Lifetime of Transfer tokens issued at the next login. */
	private long transferExpiresIn = 172800;

	public PortalBrowser(MockMvc mvc, FakeGlobus globus, FakeGlobus.User user) {
		this.mvc = mvc;
		this.globus = globus;
		this.user = user;
	}

	public FakeGlobus.User user() {
		return this.user;
	}

	/** The id in the session cookie the browser holds, or {@code null}. */
	public String sessionId() {
		Cookie cookie = this.cookies.get(SESSION_COOKIE);
		return (cookie != null) ? cookie.getValue() : null;
	}

	/** Sends this session cookie from now on, as if it had been copied or kept. */
	public PortalBrowser useSession(String sessionId) {
		this.cookies.put(SESSION_COOKIE, new Cookie(SESSION_COOKIE, sessionId));
		return this;
	}

	/** Starts a fresh session (a new browser, or after logout): forgets every cookie. */
	public void newSession() {
		this.cookies.clear();
	}

	/** Sends the next requests to another portal instance, keeping the cookies. */
	public PortalBrowser on(MockMvc instance) {
		this.mvc = instance;
		return this;
	}

	public FakeGlobus.Tokens tokens() {
		return this.tokens;
	}

	public PortalBrowser transferFirst(boolean first) {
		this.transferFirst = first;
		return this;
	}

	public PortalBrowser transferExpiresIn(long seconds) {
		this.transferExpiresIn = seconds;
		return this;
	}

	public MockHttpServletResponse get(String url) {
		return perform(MockMvcRequestBuilders.get(java.net.URI.create(url)));
	}

	/** Posts a form with a valid CSRF token. */
	public MockHttpServletResponse post(String url, Map<String, String> form) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(java.net.URI.create(url)).with(csrf());
		form.forEach(request::param);
		return perform(request);
	}

	public MockHttpServletResponse perform(
			org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request) {
		try {
			if (!this.cookies.isEmpty()) {
				request.cookie(this.cookies.values().toArray(Cookie[]::new));
			}
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			keepCookies(response);
			return response;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void keepCookies(MockHttpServletResponse response) {
		for (Cookie cookie : response.getCookies()) {
			if (cookie.getMaxAge() == 0) {
				this.cookies.remove(cookie.getName());
			}
			else {
				this.cookies.put(cookie.getName(), new Cookie(cookie.getName(), cookie.getValue()));
			}
		}
	}

	/**
	 * Follows local redirects (GET) until the answer is a page or a redirect to Globus
	 * Auth's authorize endpoint.
	 */
	public MockHttpServletResponse follow(MockHttpServletResponse response) {
		MockHttpServletResponse current = response;
		for (int i = 0; i < 10 && isRedirect(current) && !isAuthorizeRedirect(current); i++) {
			current = get(localPath(current.getRedirectedUrl()));
		}
		return current;
	}

	/** Opens a page and follows redirects, stopping at Globus Auth. */
	public MockHttpServletResponse open(String url) {
		return follow(get(url));
	}

	/**
	 * Logs in from the page given: GET it, follow to Globus Auth, answer as Globus would
	 * after the user allowed, and follow the portal's redirects to the final page.
	 * @return the final page
	 */
	public MockHttpServletResponse login(String startUrl) {
		MockHttpServletResponse authorize = open(startUrl);
		return follow(authorizeAndReturn(authorize));
	}

	/** Whether the answer redirects the browser to Globus Auth's authorize endpoint. */
	public boolean isAuthorizeRedirect(MockHttpServletResponse response) {
		return isRedirect(response) && response.getRedirectedUrl() != null
				&& response.getRedirectedUrl().startsWith(this.globus.baseUrl() + "/v2/oauth2/authorize");
	}

	/**
	 * Plays Globus Auth for a redirect to its authorize endpoint: the user allows, Globus
	 * redirects back with a code; returns the portal's answer to that callback.
	 */
	public MockHttpServletResponse authorizeAndReturn(MockHttpServletResponse authorize) {
		assertThat(isAuthorizeRedirect(authorize))
			.as("redirect to Globus Auth, got %s %s", authorize.getStatus(), authorize.getRedirectedUrl())
			.isTrue();
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		String code = "code-" + UUID.randomUUID();
		boolean groups = params.getOrDefault("scope", "").contains(FakeGlobus.GROUPS_SCOPE);
		this.tokens = this.globus.stubLogin(this.user, code, params.get("nonce"), this.transferFirst,
				this.transferExpiresIn, groups, FakeGlobus.httpsCollections(params.getOrDefault("scope", "")));
		return callback("code=" + code + "&state=" + encode(params.get("state")));
	}

	/** Calls the portal's redirect URI with this raw query. */
	public MockHttpServletResponse callback(String rawQuery) {
		return get("/login/oauth2/code/globus?" + rawQuery);
	}

	public static boolean isRedirect(MockHttpServletResponse response) {
		return response.getStatus() >= 300 && response.getStatus() < 400;
	}

	/** The path and query of a redirect to the portal itself. */
	public static String localPath(String url) {
		if (url.startsWith("http://localhost/")) {
			return url.substring("http://localhost".length());
		}
		if (url.startsWith("http://localhost:80/")) {
			return url.substring("http://localhost:80".length());
		}
		assertThat(url).as("a redirect within the portal").startsWith("/");
		return url;
	}

	public static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	public static String content(MockHttpServletResponse response) {
		try {
			return response.getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The fields the transfer form posts for one item, checksums verified (the form's
	 * default).
	 */
	public static Map<String, String> transferForm(UUID source, String sourcePath, UUID destination,
			String destinationPath) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("form", "1");
		form.put("source_collection", (source != null) ? source.toString() : "");
		form.put("source_path", sourcePath);
		form.put("destination_collection", (destination != null) ? destination.toString() : "");
		form.put("destination_path", destinationPath);
		form.put("label", "");
		form.put("verify_checksum", "true");
		return form;
	}

}
