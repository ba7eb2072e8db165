package org.transferportal.simulator;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Switches the simulator on ({@code simulator.enabled=true}) and gives it its own
 * stateless security filter chain under {@code /simulator/**}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class SimulatorConfiguration {

	private static final String SIMULATOR_PACKAGE = SimulatorConfiguration.class.getPackageName() + ".";

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "base-uri 'none'; frame-ancestors 'none'";

	SimulatorConfiguration(SimulatorProperties properties) {
		refuseRealCredentials(System.getenv("GLOBUS_CLIENT_ID"));
		if (!StringUtils.hasText(properties.clientId()) || !StringUtils.hasText(properties.clientSecret())) {
			throw new IllegalStateException("simulator.client-id and simulator.client-secret must be set");
		}
	}

	/**
	 * The simulator must never stand in for the real Globus: refuse to start when real
	 * credentials are configured.
	 */
	static void refuseRealCredentials(String globusClientId) {
		if (StringUtils.hasText(globusClientId)) {
			throw new IllegalStateException(
					"The Globus simulator is enabled while GLOBUS_CLIENT_ID is set; refusing to start");
		}
	}

	/**
	 * The simulator's own components are made when first used (the demo's first login or
	 * call), not at start-up: its file trees, signing key and task engine are not needed
	 * before then, and a demo or a test run should be up in seconds. Its security filter
	 * chain (a bean of this class) is made at start-up as usual.
	 */
	@Bean
	static BeanFactoryPostProcessor simulatorMadeWhenFirstUsed() {
		return (factory) -> {
			for (String name : factory.getBeanDefinitionNames()) {
				BeanDefinition definition = factory.getBeanDefinition(name);
				String type = definition.getBeanClassName();
				if (type != null && type.startsWith(SIMULATOR_PACKAGE)
						&& !type.equals(SimulatorConfiguration.class.getName())) {
					definition.setLazyInit(true);
				}
			}
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain simulatorSecurityFilterChain(HttpSecurity http) throws Exception {
		// The login/consent forms carry a per-authorization token instead of Spring's
		// CSRF token: the simulator keeps no HttpSession (the portal's cookie is on
		// this host).
		http.securityMatcher("/simulator/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

}
