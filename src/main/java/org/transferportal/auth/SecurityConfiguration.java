package org.transferportal.auth;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import org.transferportal.globus.GlobusProperties;

/**
 * The portal's web defences: who may reach which page, login with Globus (wired in
 * {@link GlobusLoginConfiguration}), logout, and the security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, GlobusAuthorizationRequests requests,
			LoginSuccessHandler loginSucceeded, LoginFailureHandler loginFailed, LabGate gate, UserTokens tokens,
			GlobusProperties globus) throws Exception {
		// @formatter:off
		http
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/css/**", "/js/**", "/images/**", "/favicon.ico", "/error", "/error/**",
						"/actuator/health", "/actuator/health/**", "/actuator/prometheus",
						LabGate.MEMBERSHIP_UNAVAILABLE_PATH).permitAll()
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
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(ConsentRoundTrip.AUTHORIZATION_PATH))
				.accessDeniedHandler(gate.deniedHandler()))
			.logout((logout) -> logout
				.addLogoutHandler(revoking(tokens))
				.logoutSuccessUrl("/?signed_out"))
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
