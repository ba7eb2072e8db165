package org.transferportal.auth;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who reaches the actuator. With {@code MANAGEMENT_SERVER_PORT} set, the actuator is
 * served on that port alone, which only the operator's network reaches: everything there
 * is open, health with its components and details. On the portal's own port only the
 * health status and the liveness and readiness probes are public; Prometheus, info and
 * health components are not served to anyone there.
 */
final class ActuatorAccess {

	/**
	 * The role the health endpoint shows its components and details to
	 * ({@code management.endpoint.health.roles}); held by every request to the management
	 * port, and by nothing else.
	 */
	static final String ROLE = "ACTUATOR";

	/** Open to everyone on the portal's port: status only, for orchestrators. */
	static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/liveness",
			"/actuator/health/readiness", "/livez", "/readyz");

	/** Every other actuator path on the portal's port: answered as not found. */
	static final List<String> PRIVATE_PATHS = List.of("/actuator", "/actuator/**");

	/** Spring Boot's name for the management server's namespace. */
	private static final String MANAGEMENT_NAMESPACE = "management";

	private ActuatorAccess() {
	}

	/**
	 * Requests the management server serves (its own port, when one is set): their
	 * servlet context belongs to Spring Boot's child management context.
	 */
	static RequestMatcher managementServer() {
		return (request) -> {
			ApplicationContext context = WebApplicationContextUtils
				.getWebApplicationContext(request.getServletContext());
			return context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT_NAMESPACE);
		};
	}

	/**
	 * Makes every management-port request the operator's: reaching the port is the
	 * credential.
	 */
	static OncePerRequestFilter operator() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("management-port", null,
						List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
				SecurityContextHolder.setContext(context);
				chain.doFilter(request, response);
			}
		};
	}

	/**
	 * A private actuator path asked for on the portal's port without a login: not found,
	 * rather than a redirect to Globus Auth a scraper could not follow.
	 */
	static AuthenticationEntryPoint notFound() {
		return new HttpStatusEntryPoint(HttpStatus.NOT_FOUND);
	}

}
