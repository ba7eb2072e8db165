package org.transferportal.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Switches the portal to demo mode when no Globus credentials are configured.
 *
 * <p>
 * Demo mode differs from production only by configuration: the embedded simulator is
 * switched on and the Globus base URLs point at it over HTTP. With credentials set, the
 * simulator is forced off so that it can never answer for the real Globus.
 */
public class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DEMO_CLIENT_ID = "transfer-portal-demo";

	static final String DEMO_CLIENT_SECRET = "demo-secret-not-for-production";

	/**
	 * The simulator's collections as a lab would configure them: the two tutorial
	 * collections are known up front (consent at login), the others are met at run time
	 * so that the consent round trip can be tried.
	 */
	private static void demoLab(Map<String, Object> properties) {
		properties.put("portal.lab.name", "Demo Lab");
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
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new HashMap<>();
		if (StringUtils.hasText(environment.getProperty("globus.client-id"))) {
			properties.put("simulator.enabled", "false");
			properties.put("portal.demo", "false");
		}
		else {
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
			properties.put("globus.timers-url", base + "/timers");
			// The simulator answers on the portal's own request threads: with Tomcat's
			// default 200, 200 busy users would wait for simulator calls that cannot get
			// a
			// thread. Production talks to a remote Globus and keeps the default.
			if (!StringUtils.hasText(environment.getProperty("server.tomcat.threads.max"))) {
				properties.put("server.tomcat.threads.max", "400");
			}
			if (!StringUtils.hasText(environment.getProperty("portal.lab.collections[0].id"))) {
				demoLab(properties);
			}
		}
		environment.getPropertySources().addFirst(new MapPropertySource("transferPortalMode", properties));
	}

}
