package org.transferportal.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.MapSession;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import org.transferportal.support.RetentionProperties;

/**
 * Sessions nobody has logged in to are short-lived: anyone can make one (every visit to
 * the login link stores an authorization request), so they live
 * {@code portal.retention.anonymous-sessions} (15 minutes) without a request. A login
 * gives the session the normal lifetime ({@code server.servlet.session.timeout}). Expired
 * sessions are removed by the housekeeping purge ({@link SessionPurge}) on one instance
 * at a time, rather than by Spring Session's own job on every instance.
 */
@Configuration(proxyBeanMethods = false)
class SessionLifetimes {

	/** After Spring Security's filters, which load who is logged in. */
	private static final int AFTER_SECURITY = 0;

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> anonymousSessionLifetime(RetentionProperties retention) {
		// Runs after Spring Boot's customizer, which sets the normal lifetime.
		return (repository) -> {
			repository.setDefaultMaxInactiveInterval(retention.anonymousSessions());
			repository.setCleanupCron(Scheduled.CRON_DISABLED);
		};
	}

	/**
	 * Spring Session's filter gets the repository that writes an unchanged session at
	 * most once a minute ({@link SparingSessionRepository}).
	 */
	@Bean
	static BeanPostProcessor sparingSessionWrites() {
		return new BeanPostProcessor() {

			@Override
			@SuppressWarnings({ "rawtypes", "unchecked" })
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository repository)
						? new SparingSessionRepository(repository) : bean;
			}

		};
	}

	@Bean
	FilterRegistrationBean<LoggedInSessionLifetime> loggedInSessionLifetime(RetentionProperties retention,
			ObjectProvider<SessionTimeout> sessionTimeout) {
		// The lifetime Spring Boot would give every session:
		// server.servlet.session.timeout
		// on a server, else Spring Session's default.
		SessionTimeout configured = sessionTimeout.getIfAvailable();
		Duration normal = (configured != null && configured.getTimeout() != null) ? configured.getTimeout()
				: MapSession.DEFAULT_MAX_INACTIVE_INTERVAL;
		FilterRegistrationBean<LoggedInSessionLifetime> registration = new FilterRegistrationBean<>(
				new LoggedInSessionLifetime(retention.anonymousSessions(), normal));
		registration.setOrder(AFTER_SECURITY);
		return registration;
	}

	/** Gives a logged-in user's session the normal lifetime, once. */
	static final class LoggedInSessionLifetime extends OncePerRequestFilter {

		private final int anonymousSeconds;

		private final int normalSeconds;

		LoggedInSessionLifetime(Duration anonymous, Duration normal) {
			this.anonymousSeconds = (int) anonymous.toSeconds();
			this.normalSeconds = (int) normal.toSeconds();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
				HttpSession session = request.getSession(false);
				// Only the anonymous lifetime is raised, so that any other lifetime set
				// on purpose stands.
				if (session != null && session.getMaxInactiveInterval() == this.anonymousSeconds) {
					session.setMaxInactiveInterval(this.normalSeconds);
				}
			}
			chain.doFilter(request, response);
		}

	}

}
