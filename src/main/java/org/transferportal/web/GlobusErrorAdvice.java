package org.transferportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.support.SlowDownException;

/**
 * The one place that turns errors into pages: a login when Globus no longer accepts the
 * user's tokens, and a friendly page with Globus's request id otherwise.
 */
@ControllerAdvice
class GlobusErrorAdvice {

	private static final Log logger = LogFactory.getLog(GlobusErrorAdvice.class);

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	private final LayoutAttributes layout;

	GlobusErrorAdvice(LayoutAttributes layout) {
		this.layout = layout;
	}

	@ExceptionHandler(GlobusUnauthorizedException.class)
	String loginAgain(GlobusUnauthorizedException ex, HttpServletRequest request, HttpServletResponse response) {
		logger.info("Globus refused the user's tokens (" + ex.code() + "); sending them to log in again");
		if ("GET".equals(request.getMethod())) {
			// Back to this page after the login.
			this.requestCache.saveRequest(request, response);
		}
		return "redirect:" + ConsentRoundTrip.AUTHORIZATION_PATH;
	}

	@ExceptionHandler(GlobusApiException.class)
	String globusError(GlobusApiException ex, Model model, HttpServletResponse response) {
		logger.warn("Globus call failed: " + ex.status() + " " + ex.code() + " request " + ex.requestId() + " on "
				+ ex.resource());
		response.setStatus((ex.status() == 404) ? 404 : HttpStatus.BAD_GATEWAY.value());
		model.addAttribute("heading", (ex.status() == 404) ? "Not found at Globus" : "Globus could not do that");
		model.addAttribute("message", ex.getMessage());
		model.addAttribute("code", ex.code());
		model.addAttribute("requestId", ex.requestId());
		return page(model);
	}

	@ExceptionHandler(SlowDownException.class)
	String slowDown(SlowDownException ex, Model model, HttpServletResponse response) {
		long seconds = Math.max(1, ex.waitFor().toSeconds());
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", String.valueOf(seconds));
		model.addAttribute("heading", "Slow down");
		model.addAttribute("message", "You have made many requests in the last minute. Please wait " + seconds
				+ " seconds, then go back and try again.");
		return page(model);
	}

	@ExceptionHandler(ResponseStatusException.class)
	String notFound(ResponseStatusException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.getStatusCode().value());
		model.addAttribute("heading", (ex.getStatusCode().value() == 404) ? "Not found" : "That did not work");
		model.addAttribute("message", ex.getReason());
		return page(model);
	}

	/**
	 * The error page in the usual layout: exception handlers get a model of their own,
	 * without the layout's attributes, so they are added here.
	 */
	private String page(Model model) {
		this.layout.addTo(model);
		return "error/globus";
	}

}
