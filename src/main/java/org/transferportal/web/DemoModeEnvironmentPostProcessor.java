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
		}
		environment.getPropertySources().addFirst(new MapPropertySource("transferPortalMode", properties));
	}

}
