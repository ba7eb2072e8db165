package org.transferportal.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import org.transferportal.globus.GlobusProperties;
import org.transferportal.lab.LabProperties;

/**
 * Where a logout leads: the home page, or — when the user asks to leave Globus too, as on
 * a shared computer — Globus Auth's own logout page, so that the next "Log in" on this
 * browser cannot silently reuse their Globus session (security review I4).
 */
@Component
class GlobusLogout implements LogoutSuccessHandler {

	/** The logout form's field that asks to end the Globus session too. */
	static final String PARAMETER = "globus";

	/** Where the portal's own logout ends. */
	static final String SIGNED_OUT = "/?signed_out";

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final GlobusProperties globus;

	private final LabProperties lab;

	GlobusLogout(GlobusProperties globus, LabProperties lab) {
		this.globus = globus;
		this.lab = lab;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		if (!"true".equals(request.getParameter(PARAMETER))) {
			this.redirects.sendRedirect(request, response, SIGNED_OUT);
			return;
		}
		this.redirects.sendRedirect(request, response, globusLogoutUrl(request));
	}

	/**
	 * Globus Auth's logout page, with a link back to the portal. The parameters are the
	 * ones Globus documents for its web logout (client_id, redirect_uri, redirect_name);
	 * unverified against the live service, and harmless if ignored: the page logs out
	 * either way.
	 */
	String globusLogoutUrl(HttpServletRequest request) {
		String back = ServletUriComponentsBuilder.fromContextPath(request)
			.path("/")
			.query("signed_out")
			.build()
			.toUriString();
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString(this.globus.authBaseUrl() + "/v2/web/logout");
		if (StringUtils.hasText(this.globus.clientId())) {
			url.queryParam("client_id", this.globus.clientId());
		}
		return url.queryParam("redirect_uri", back)
			.queryParam("redirect_name", this.lab.name())
			.encode()
			.build()
			.toUriString();
	}

}
