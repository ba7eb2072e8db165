package org.transferportal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.transferportal.lab.LabAccess;
import org.transferportal.lab.LabAdminOnly;

/**
 * Refuses a handler marked {@link LabAdminOnly} to anyone but a lab admin, whatever URL
 * rule let the request through.
 */
@Component
class LabAdminCheck implements HandlerInterceptor, WebMvcConfigurer {

	private final LabAccess access;

	private final CurrentUser currentUser;

	LabAdminCheck(LabAccess access, CurrentUser currentUser) {
		this.access = access;
		this.currentUser = currentUser;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!(handler instanceof HandlerMethod method) || !adminOnly(method) || isAdmin()) {
			return true;
		}
		response.sendError(HttpStatus.FORBIDDEN.value());
		return false;
	}

	static boolean adminOnly(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getMethod(), LabAdminOnly.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), LabAdminOnly.class);
	}

	/** The same test as the header's: the logged-in user's Globus username. */
	private boolean isAdmin() {
		CurrentUser.Profile profile = this.currentUser.profileOrNull();
		return profile != null && this.access.isAdmin(profile.username());
	}

}
