package org.transferportal.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen for the demo: plain HTTP with cookies, following redirects
 * between the portal and its simulated Globus, and answering the simulator's login and
 * consent pages as one demo identity. For tests that need many users at once.
 *
 * <p>
 * Given several portal instances, it sends each request to the next one in turn, as a
 * round-robin load balancer in front of them would: the pages it asks for and the
 * redirects it follows to the portal alike (cookies are per host, not per port, so one
 * session cookie serves every instance).
 */
public final class DemoUserAgent {

	/** A page the agent ended on. */
	public record Page(int status, URI uri, String body) {

		/**
		 * The value of a form field of this page, or {@code null}: an input's value, or
		 * the chosen option of a list (the transfer form's collection pickers).
		 */
		public String field(String name) {
			Matcher list = Pattern
				.compile("(?s)<select[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>((?:(?!</select>).)*)</select>")
				.matcher(this.body);
			if (list.find()) {
				Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected").matcher(list.group(1));
				return chosen.find() ? unescape(chosen.group(1)) : "";
			}
			Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*?value=\"([^\"]*)\"")
				.matcher(this.body);
			return matcher.find() ? unescape(matcher.group(1)) : null;
		}

	}

	private static final Pattern SIMULATOR_FIELD = Pattern
		.compile("name=\"(authorization_id|form_token)\" value=\"([^\"]*)\"");

	private final List<URI> instances;

	private final AtomicInteger turn = new AtomicInteger();

	private final String username;

	/** The simulator's consent pages this agent answered, oldest first. */
	private final List<String> consentPages = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/**
	 * @param base the portal's address, e.g. {@code http://localhost:8080}
	 * @param username the demo identity to log in as, e.g. {@code alice@globusid.org}
	 */
	public DemoUserAgent(String base, String username) {
		this(List.of(base), username);
	}

	/**
	 * @param instances the addresses of the portal's instances, taken in turn
	 * @param username the demo identity to log in as
	 */
	public DemoUserAgent(List<String> instances, String username) {
		this.instances = instances.stream().map(URI::create).toList();
		this.username = username;
	}

	/**
	 * The simulator's consent pages this agent was shown and allowed, oldest first (the
	 * login's own included).
	 */
	public List<String> consentPages() {
		return List.copyOf(this.consentPages);
	}

	/** Opens a portal path, logging in and consenting at the simulator as needed. */
	public Page open(String path) {
		return follow(send(HttpRequest.newBuilder(URI.create(nextInstance() + path)).GET()));
	}

	/** Posts a form of the portal with the CSRF token of the page it came from. */
	public Page post(String path, Page from, Map<String, String> fields) {
		return postAll(path, from, fields.entrySet().stream().toList());
	}

	/**
	 * Posts a form whose fields may repeat (ticked checkboxes of one name), with the CSRF
	 * token of the page it came from.
	 */
	public Page postAll(String path, Page from, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
		all.add(new java.util.AbstractMap.SimpleEntry<>("_csrf", from.field("_csrf")));
		return follow(send(HttpRequest.newBuilder(URI.create(nextInstance() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(all)))));
	}

	private Page follow(Page page) {
		Page current = page;
		for (int hops = 0; hops < 20; hops++) {
			if (current.status() >= 300 && current.status() < 400) {
				URI target = current.uri().resolve(current.body());
				current = send(HttpRequest.newBuilder(toNextInstance(target)).GET());
			}
			else if (current.body().contains("id=\"identity-")) {
				current = simulatorForm(current, "/simulator/auth/v2/web/login", Map.of("identity", this.username));
			}
			else if (current.body().contains("id=\"allow\"")) {
				this.consentPages.add(current.body());
				current = simulatorForm(current, "/simulator/auth/v2/web/consent", Map.of("decision", "allow"));
			}
			else {
				return current;
			}
		}
		throw new IllegalStateException("Too many redirects from " + page.uri());
	}

	/** The next instance's address, without a trailing slash. */
	private String nextInstance() {
		URI instance = this.instances.get(Math.floorMod(this.turn.getAndIncrement(), this.instances.size()));
		return instance.getScheme() + "://" + instance.getRawAuthority();
	}

	/**
	 * A redirect to any portal instance goes to the next one; others go where they say.
	 */
	private URI toNextInstance(URI target) {
		boolean portal = this.instances.stream()
			.anyMatch((instance) -> instance.getRawAuthority().equals(target.getRawAuthority()));
		if (!portal) {
			return target;
		}
		String query = (target.getRawQuery() != null) ? "?" + target.getRawQuery() : "";
		return URI.create(nextInstance() + target.getRawPath() + query);
	}

	private Page simulatorForm(Page page, String path, Map<String, String> choice) {
		Map<String, String> fields = new LinkedHashMap<>(choice);
		Matcher matcher = SIMULATOR_FIELD.matcher(page.body());
		while (matcher.find()) {
			fields.put(matcher.group(1), unescape(matcher.group(2)));
		}
		return send(HttpRequest.newBuilder(page.uri().resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
	}

	/** Sends one request; a redirect's body is replaced by its location. */
	private Page send(HttpRequest.Builder request) {
		try {
			HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
			HttpResponse<String> response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
			String body = response.headers().firstValue("Location").orElse(response.body());
			return new Page(response.statusCode(), built.uri(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> fields) {
		return form(fields.entrySet().stream().toList());
	}

	private static String form(List<Map.Entry<String, String>> fields) {
		return fields.stream()
			.filter((e) -> e.getValue() != null)
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
