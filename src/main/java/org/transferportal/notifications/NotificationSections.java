package org.transferportal.notifications;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.transferportal.auth.CurrentUser;

/**
 * The notification sections of other features' pages, so that those features need not
 * know this one: the account page's preferences ({@code notifications/account ::
 * section}) and the transfer form's "e-mail about this transfer"
 * ({@code notifications/transfer :: choice}), whose posted choice is kept with the draft
 * before the form is submitted (and so survives a consent trip).
 */
@Configuration(proxyBeanMethods = false)
class NotificationSections implements WebMvcConfigurer {

	/** The transfer form's field. */
	static final String FIELD = "notify_email";

	private final NotificationPages pages;

	private final CurrentUser user;

	NotificationSections(NotificationPages pages, CurrentUser user) {
		this.pages = pages;
		this.user = user;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AccountSection()).addPathPatterns("/account");
		registry.addInterceptor(new TransferSection()).addPathPatterns("/transfer", "/transfer/drafts/*");
	}

	private static boolean shows(ModelAndView page, String view) {
		return page != null && view.equals(page.getViewName());
	}

	/** Adds the preferences to the account page. */
	private final class AccountSection implements HandlerInterceptor {

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView page) {
			if (shows(page, "auth/account")) {
				page.addObject("notifications",
						NotificationSections.this.pages.account(NotificationSections.this.user.subject(),
								NotificationSections.this.user.username(), NotificationSections.this.user.email()));
			}
		}

	}

	/** Keeps the transfer form's choice, and shows it on the form. */
	private final class TransferSection implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if ("POST".equals(request.getMethod()) && "/transfer".equals(path)) {
				CurrentUser current = NotificationSections.this.user;
				NotificationSections.this.pages.noteAddress(current.subject(), current.username(), current.email());
				NotificationSections.this.pages.saveChoice(current.subject(), request.getParameter("draft"),
						request.getParameter(FIELD));
			}
			return true;
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView page) {
			if (shows(page, "transfer/form")) {
				Object draft = page.getModel().get("draftId");
				page.addObject("notifyEmail",
						NotificationSections.this.pages.transfer(NotificationSections.this.user.subject(),
								(draft != null) ? draft.toString() : null, request.getParameter(FIELD)));
			}
		}

	}

}
