package org.transferportal.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the login callback learns on its way, kept on the request for the success and
 * failure handlers: Spring Security keeps neither the whole token answer (with
 * {@code other_tokens}) nor the authorization request it just finished.
 */
final class LoginRequestAttributes {

	private static final String TOKEN_RESPONSE = LoginRequestAttributes.class.getName() + ".tokenResponse";

	private static final String AUTHORIZATION_REQUEST = LoginRequestAttributes.class.getName()
			+ ".authorizationRequest";

	private LoginRequestAttributes() {
	}

	static void tokenResponse(OAuth2AccessTokenResponse response) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(TOKEN_RESPONSE, response, RequestAttributes.SCOPE_REQUEST);
		}
	}

	static OAuth2AccessTokenResponse tokenResponse(HttpServletRequest request) {
		return (OAuth2AccessTokenResponse) request.getAttribute(TOKEN_RESPONSE);
	}

	static void authorizationRequest(HttpServletRequest request, OAuth2AuthorizationRequest authorizationRequest) {
		request.setAttribute(AUTHORIZATION_REQUEST, authorizationRequest);
	}

	static OAuth2AuthorizationRequest authorizationRequest(HttpServletRequest request) {
		return (OAuth2AuthorizationRequest) request.getAttribute(AUTHORIZATION_REQUEST);
	}

	static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}
