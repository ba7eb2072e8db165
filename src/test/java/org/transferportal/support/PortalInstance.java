package org.transferportal.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import org.transferportal.TransferPortalApplication;

/**
 * Test support: one whole portal instance on its own HTTP port, configured like a
 * deployment by properties (shared database, token key) and talking to
 * {@link FakeGlobus}. Several instances run side by side in one JVM, as behind a load
 * balancer.
 */
public final class PortalInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final MockMvc mvc;

	private PortalInstance(ConfigurableApplicationContext context) {
		this.context = context;
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
		// The same servlet filters as the running server: Spring Session's, then
		// Security's.
		new SpringBootMockMvcBuilderCustomizer((WebApplicationContext) context).customize(builder);
		this.mvc = builder.build();
	}

	/**
	 * Starts an instance on a free port.
	 * @param jdbcUrl the shared database
	 * @param tokenKey {@code PORTAL_TOKEN_KEY}, or {@code null} for none
	 * @param extra more properties, e.g. lab settings
	 */
	public static PortalInstance start(String jdbcUrl, String tokenKey, Map<String, String> extra) {
		FakeGlobus globus = FakeGlobus.shared();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("globus.client-id", FakeGlobus.CLIENT_ID);
		properties.put("globus.client-secret", FakeGlobus.CLIENT_SECRET);
		properties.put("globus.auth-url", globus.baseUrl() + "/");
		properties.put("globus.transfer-url", globus.baseUrl() + "/");
		properties.put("globus.groups-url", globus.baseUrl() + "/");
		properties.put("globus.retry-base-delay", "1ms");
		properties.put("globus.timeout", "3s");
		properties.putAll(extra);
		return startWith(jdbcUrl, tokenKey, properties);
	}

	/**
	 * Starts an instance on a free port whose Globus is whatever the properties say
	 * ({@code globus.client-id}, {@code globus.auth-url}, …), e.g. a
	 * {@link GlobusSimulatorInstance}.
	 * @param jdbcUrl the shared database
	 * @param tokenKey {@code PORTAL_TOKEN_KEY}, or {@code null} for none
	 * @param properties the Globus settings and any others
	 */
	public static PortalInstance startWith(String jdbcUrl, String tokenKey, Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.put("spring.datasource.url", jdbcUrl);
		all.put("spring.datasource.username", SharedPostgres.username());
		all.put("spring.datasource.password", SharedPostgres.password());
		if (tokenKey != null) {
			all.put("portal.auth.token-key", tokenKey);
		}
		all.putAll(properties);
		List<String> args = new ArrayList<>();
		all.forEach((key, value) -> args.add("--" + key + "=" + value));
		return new PortalInstance(
				new SpringApplicationBuilder(TransferPortalApplication.class).run(args.toArray(String[]::new)));
	}

	public MockMvc mvc() {
		return this.mvc;
	}

	/** The HTTP port the instance listens on. */
	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public JdbcClient jdbc() {
		return this.context.getBean(JdbcClient.class);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/** Stops the instance, as a redeploy or a crashed node would. */
	@Override
	public void close() {
		this.context.close();
	}

}
