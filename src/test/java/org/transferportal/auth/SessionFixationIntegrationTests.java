package org.transferportal.auth;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session id known before login is worthless after it: logging in, and every consent
 * round trip, gets a new one.
 */
class SessionFixationIntegrationTests extends FlowTestSupport {

	@Test
	void loggingInReplacesTheSessionIdAndTheOldOneOpensNothing() {
		PortalBrowser browser = newBrowser();
		MockHttpServletResponse authorize = browser.open("/tasks");
		assertThat(browser.isAuthorizeRedirect(authorize)).isTrue();
		String before = browser.sessionId();
		assertThat(before).as("a session holds the authorization request").isNotNull();
		browser.authorizeAndReturn(authorize);
		String after = browser.sessionId();
		assertThat(after).isNotNull().isNotEqualTo(before);
		PortalBrowser attacker = newBrowser().useSession(before);
		assertThat(attacker.isAuthorizeRedirect(attacker.open("/tasks"))).as("old id is not logged in").isTrue();
	}

}
