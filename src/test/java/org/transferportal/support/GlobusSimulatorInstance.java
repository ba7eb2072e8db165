package org.transferportal.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.transferportal.TransferPortalApplication;
import org.transferportal.simulator.SimulatorProperties;

/**
 * Test support: the embedded Globus simulator as a Globus of its own, for portal
 * instances that are not in demo mode — an application context in demo mode on a free
 * port, whose portal side nobody uses. Its fault knobs ({@code simulator.*}) are set by
 * properties; the instances reach it only over HTTP, at {@link #authUrl()} and
 * {@link #transferUrl()}, as the simulator's one confidential client.
 */
public final class GlobusSimulatorInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final int port;

	private GlobusSimulatorInstance(ConfigurableApplicationContext context, int port) {
		this.context = context;
		this.port = port;
	}

	/**
	 * Starts the simulator.
	 * @param properties {@code simulator.*} settings, e.g. the fault rate
	 */
	public static GlobusSimulatorInstance start(Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.putAll(properties);
		List<String> args = new ArrayList<>();
		all.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TransferPortalApplication.class)
			.run(args.toArray(String[]::new));
		return new GlobusSimulatorInstance(context, ((WebServerApplicationContext) context).getWebServer().getPort());
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** {@code GLOBUS_AUTH_URL} of the instances that use this simulator. */
	public String authUrl() {
		return baseUrl() + "/simulator/auth";
	}

	/** {@code GLOBUS_TRANSFER_URL} of the instances that use this simulator. */
	public String transferUrl() {
		return baseUrl() + "/simulator/transfer";
	}

	/**
	 * The {@code globus.*} properties of a portal instance that uses this simulator: its
	 * URLs and the one client it knows.
	 */
	public Map<String, String> globusProperties() {
		SimulatorProperties simulator = this.context.getBean(SimulatorProperties.class);
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("globus.client-id", simulator.clientId());
		properties.put("globus.client-secret", simulator.clientSecret());
		properties.put("globus.auth-url", authUrl());
		properties.put("globus.transfer-url", transferUrl());
		return properties;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
