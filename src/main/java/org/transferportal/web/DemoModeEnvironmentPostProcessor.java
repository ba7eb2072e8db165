package org.transferportal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides between the real Globus and the demo, and refuses to start when the
 * configuration does not say clearly which one is meant.
 *
 * <p>
 * The demo runs when {@code GLOBUS_CLIENT_ID} is unset and the database is the embedded
 * in-memory default, or when {@code PORTAL_DEMO=true} asks for it on another database. It
 * differs from production only by configuration: the embedded simulator is switched on
 * and the Globus base URLs point at it over HTTP. With credentials set, the simulator is
 * forced off so that it can never answer for the real Globus.
 */
public class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DEMO_CLIENT_ID = "transfer-portal-demo";

	/** Shaped like a Globus client secret (base64 of 32 bytes), so the demo sends one. */
	static final String DEMO_CLIENT_SECRET = "qfZoB0VWIcJFW/8vD3fq/rKVyDYZEaVANL6tEsvhuHE=";

	/** Where demo mode puts what it decided; it outranks every other source. */
	private static final String PROPERTY_SOURCE = "transferPortalMode";

	private static final String EMBEDDED_DATABASE = "jdbc:h2:mem:";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (demoWanted(environment)) {
			demo(environment, properties);
		}
		else {
			properties.put("simulator.enabled", "false");
			properties.put("portal.demo", "false");
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	/**
	 * Whether the demo is wanted: asked for by {@code PORTAL_DEMO=true}, or implied by no
	 * credentials on the embedded database.
	 * @throws DemoModeException when the settings contradict each other or would start
	 * the password-less simulator against a real database by accident
	 */
	static boolean demoWanted(Environment environment) {
		boolean credentials = StringUtils.hasText(environment.getProperty("globus.client-id"));
		String asked = environment.getProperty("portal.demo", "").strip();
		if (asked.equalsIgnoreCase("true")) {
			if (credentials) {
				throw new DemoModeException(
						"PORTAL_DEMO=true asks for the demo, whose simulated Globus must never stand in for a "
								+ "real Globus app, but GLOBUS_CLIENT_ID is set too.",
						"Unset PORTAL_DEMO to use Globus with your app's credentials, or unset GLOBUS_CLIENT_ID "
								+ "and GLOBUS_CLIENT_SECRET to run the demo.");
			}
			return true;
		}
		if (asked.equalsIgnoreCase("false")) {
			if (!credentials) {
				throw new DemoModeException(
						"PORTAL_DEMO=false turns the demo off, but GLOBUS_CLIENT_ID is not set, so there is no "
								+ "Globus app to log users in with.",
						"Set GLOBUS_CLIENT_ID and GLOBUS_CLIENT_SECRET (README: Registering a Globus app), or "
								+ "unset PORTAL_DEMO to run the demo on the embedded database.");
			}
			return false;
		}
		if (!asked.isEmpty()) {
			throw new DemoModeException("PORTAL_DEMO is \"" + asked + "\"; it can only be true or false.",
					"Set PORTAL_DEMO=true for the demo, or leave it unset.");
		}
		if (credentials) {
			return false;
		}
		String database = environment.getProperty("spring.datasource.url", "").strip();
		if (!database.isEmpty() && !database.regionMatches(true, 0, EMBEDDED_DATABASE, 0, EMBEDDED_DATABASE.length())) {
			throw new DemoModeException("GLOBUS_CLIENT_ID is not set, and the database is not the embedded "
					+ "in-memory one (SPRING_DATASOURCE_URL is " + scheme(database) + "...). Without credentials the "
					+ "portal would run its demo, whose simulated Globus lets anyone log in as anyone: it does "
					+ "that on a real database only when asked.",
					"Set GLOBUS_CLIENT_ID and GLOBUS_CLIENT_SECRET to use Globus, or set PORTAL_DEMO=true to run "
							+ "the demo on this database.");
		}
		return true;
	}

	/** The start of a JDBC URL, without host, database or any credentials in it. */
	private static String scheme(String url) {
		int second = url.indexOf(':', url.indexOf(':') + 1);
		return (second > 0) ? url.substring(0, second + 1) : "a JDBC URL";
	}

	private static void demo(Environment environment, Map<String, Object> properties) {
		// The Globus URLs name the portal's own port, so "any free port" (0, as tests
		// ask) is chosen now rather than when the server starts.
		if ("0".equals(environment.getProperty("server.port", "").strip())) {
			properties.put("server.port", String.valueOf(freePort()));
		}
		String base = "http://localhost:${server.port:8080}/simulator";
		properties.put("simulator.enabled", "true");
		properties.put("simulator.client-id", DEMO_CLIENT_ID);
		properties.put("simulator.client-secret", DEMO_CLIENT_SECRET);
		properties.put("portal.demo", "true");
		properties.put("globus.client-id", DEMO_CLIENT_ID);
		properties.put("globus.client-secret", DEMO_CLIENT_SECRET);
		properties.put("globus.auth-url", base + "/auth");
		properties.put("globus.transfer-url", base + "/transfer");
		properties.put("globus.groups-url", base + "/groups");
		// The simulated collections' HTTPS servers answer on the portal's own address.
		properties.put("portal.https.allow-http", "true");
		// Without a mail server, the demo shows the e-mails it would send.
		properties.put("portal.notifications.mail-outbox", "true");
		// The simulator answers on the portal's own request threads: with Tomcat's
		// default 200, 200 busy users would wait for simulator calls that cannot get a
		// thread. Production talks to a remote Globus and keeps the default.
		if (!StringUtils.hasText(environment.getProperty("server.tomcat.threads.max"))) {
			properties.put("server.tomcat.threads.max", "400");
		}
		// A lab configured by hand is kept as it is: above all its admins, who see
		// everyone's records.
		if (!labConfigured(environment)) {
			demoLab(environment, properties);
		}
	}

	/**
	 * Whether any lab collection or admin is configured, in any spelling (a
	 * comma-separated list, indexed properties, environment variables).
	 */
	private static boolean labConfigured(Environment environment) {
		Binder binder = Binder.get(environment);
		boolean admins = binder.bind("portal.lab.admins", Bindable.listOf(String.class))
			.map((names) -> names.stream().anyMatch(StringUtils::hasText))
			.orElse(false);
		Bindable<List<Map<String, String>>> collections = Bindable.of(ResolvableType.forClassWithGenerics(List.class,
				ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)));
		return admins
				|| binder.bind("portal.lab.collections", collections).map((list) -> !list.isEmpty()).orElse(false);
	}

	/**
	 * The simulator's collections as a lab would configure them: the two tutorial
	 * collections are known up front (consent at login), the others are met at run time
	 * so that the consent round trip can be tried; nothing may be deleted on the archive.
	 */
	private static void demoLab(Environment environment, Map<String, Object> properties) {
		if (!StringUtils.hasText(environment.getProperty("portal.lab.name"))) {
			properties.put("portal.lab.name", "Demo Lab");
		}
		// Alice can try the admin view of the audit; everyone may log in.
		properties.put("portal.lab.admins", "alice@globusid.org");
		String[][] collections = {
				{ "6c54cade-bde5-45c1-bdea-f4bd71dba2cc", "Globus Tutorial Collection 1", "/share/godata/", "true" },
				{ "31ce9ba0-176d-45a5-add3-f37d233ba47d", "Globus Tutorial Collection 2", "/share/godata/", "true" },
				{ "1405823f-0597-4a16-b296-46d4f0ae4b15", "Lab Data (mapped)", "/projects/", "false" },
				{ "313ce13e-b597-5858-ae13-29e46fea26e6", "Archive (mapped)", "/archive/", "false" },
				{ "aa752cea-8222-5bc8-acd9-555b090c0ccb", "Shared Results (guest)", "/", "false" },
				{ "0b7c5a1e-9d2f-4c8e-b6a3-2f1e4d5c6b7a", "Clinical Imaging (high assurance)", "/", "false" } };
		for (int i = 0; i < collections.length; i++) {
			String prefix = "portal.lab.collections[" + i + "].";
			properties.put(prefix + "id", collections[i][0]);
			properties.put(prefix + "name", collections[i][1]);
			properties.put(prefix + "path", collections[i][2]);
			properties.put(prefix + "consent-at-login", collections[i][3]);
		}
		// The lab's archive only grows: the file manager refuses to delete there.
		properties.put("portal.lab.collections[3].deletes-allowed", "false");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the demo", ex);
		}
	}

}
