package org.transferportal.auth;

import java.net.URI;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.transferportal.globus.GlobusProperties;

/**
 * The portal's web defences: who may reach which page, login with Globus (wired in
 * {@link GlobusLoginConfiguration}), logout, and the security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The management port, when {@code MANAGEMENT_SERVER_PORT} sets one: Spring Boot runs
	 * this application's filter chain there too, so it needs a chain of its own. No
	 * session, no login: the port is reachable from the operator's network only.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain managementPortSecurity(HttpSecurity http) throws Exception {
		// @formatter:off
		http
			.securityMatcher(ActuatorAccess.managementServer())
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().hasRole(ActuatorAccess.ROLE))
			.addFilterBefore(ActuatorAccess.operator(), AnonymousAuthenticationFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable());
		// @formatter:on
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain portalSecurity(HttpSecurity http, GlobusAuthorizationRequests requests,
			LoginSuccessHandler loginSucceeded, LoginFailureHandler loginFailed, LabGate gate, UserTokens tokens,
			GlobusLogout loggedOut, GlobusProperties globus, AuthProperties auth, Clock clock) throws Exception {
		// @formatter:off
		http
			.addFilterBefore(new SessionLifetime(auth, tokens, clock), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/css/**", "/js/**", "/images/**", "/favicon.ico", "/error", "/error/**",
						LabGate.MEMBERSHIP_UNAVAILABLE_PATH).permitAll()
				.requestMatchers(ActuatorAccess.PUBLIC_PATHS.toArray(String[]::new)).permitAll()
				.requestMatchers(ActuatorAccess.PRIVATE_PATHS.toArray(String[]::new)).denyAll()
				.requestMatchers("/").access(gate.visitorsAndMembers())
				.requestMatchers(LabGate.REFUSED_PATH).authenticated()
				.requestMatchers("/lab/admin", "/lab/admin/**").access(gate.admins())
				.anyRequest().access(gate.members()))
			// The resolver, token client, user service and authorized-client store are
			// GlobusLoginConfiguration's beans, which Spring Security picks up.
			.oauth2Login((login) -> login
				.authorizationEndpoint((endpoint) -> endpoint
					.authorizationRequestRepository(requests.repository()))
				.successHandler(loginSucceeded)
				.failureHandler(loginFailed))
			// A single identity provider: go straight to Globus rather than show a chooser.
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
					.addEntryPointFor(ActuatorAccess.notFound(), privateActuatorPaths())
					.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint(ConsentRoundTrip.AUTHORIZATION_PATH))
					.build())
				.accessDeniedHandler(gate.deniedHandler()))
			.logout((logout) -> logout
				.addLogoutHandler(revoking(tokens))
				.logoutSuccessHandler(loggedOut))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(globus.authBaseUrl())))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				// DENY, unless the page itself allows its own framing: the sandboxed preview
				// of a file, which the portal's preview page frames (frame-ancestors 'self').
				.frameOptions((frames) -> frames.disable())
				.addHeaderWriter((request, response) -> {
					if (!response.containsHeader("X-Frame-Options")) {
						response.setHeader("X-Frame-Options", "DENY");
					}
				}));
		// @formatter:on
		return http.build();
	}

	private static RequestMatcher privateActuatorPaths() {
		return new OrRequestMatcher(ActuatorAccess.PRIVATE_PATHS.stream()
			.map((path) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(path))
			.toList());
	}

	/**
	 * No inline script anywhere. Forms may lead to Globus Auth, because browsers apply
	 * form-action to the redirects that follow a form post (submit → consent trip).
	 */
	static String contentSecurityPolicy(String authUrl) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
				+ "base-uri 'self'; frame-ancestors 'none'; form-action 'self' " + origin(authUrl);
	}

	private static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	private static LogoutHandler revoking(UserTokens tokens) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
				tokens.revokeAll(user.getSubject());
			}
		};
	}

}
