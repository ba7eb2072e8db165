package org.transferportal.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.method.HandlerMethod;

import org.transferportal.lab.LabAccess;
import org.transferportal.lab.LabAdminOnly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The admin check that holds whatever URL rule let a request through.
 */
class LabAdminCheckTests {

	private final LabAccess access = mock(LabAccess.class);

	private final LabAdminCheck check = new LabAdminCheck(this.access, new CurrentUser(null, null, null, null));

	@AfterEach
	void forgetUser() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aMemberWhoIsNotAnAdminIsRefusedAMarkedController() throws Exception {
		logIn("member@globusid.org");
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThat(this.check.preHandle(new MockHttpServletRequest(), response, handler(new AdminPages(), "page")))
			.isFalse();
		assertThat(response.getStatus()).isEqualTo(403);
	}

	@Test
	void aMemberWhoIsNotAnAdminIsRefusedAMarkedHandler() throws Exception {
		logIn("member@globusid.org");

		assertThat(this.check.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
				handler(new MixedPages(), "adminPage")))
			.isFalse();
	}

	@Test
	void anAdminPasses() throws Exception {
		logIn("boss@uchicago.edu");
		when(this.access.isAdmin("boss@uchicago.edu")).thenReturn(true);

		assertThat(this.check.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
				handler(new AdminPages(), "page")))
			.isTrue();
	}

	@Test
	void nobodyLoggedInIsRefusedAMarkedController() throws Exception {
		assertThat(this.check.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
				handler(new AdminPages(), "page")))
			.isFalse();
	}

	@Test
	void anAnonymousVisitorIsRefusedAMarkedController() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		assertThat(this.check.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
				handler(new AdminPages(), "page")))
			.isFalse();
	}

	@Test
	void unmarkedHandlersAreLeftToTheUrlRules() throws Exception {
		logIn("member@globusid.org");

		assertThat(this.check.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
				handler(new MixedPages(), "memberPage")))
			.isTrue();
	}

	private static HandlerMethod handler(Object bean, String name) throws NoSuchMethodException {
		return new HandlerMethod(bean, bean.getClass().getDeclaredMethod(name));
	}

	private static void logIn(String username) {
		OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "6f1d0c2e-1111-4d5e-9f00-000000000001", "preferred_username", username));
		DefaultOidcUser user = new DefaultOidcUser(List.of(), token);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null, List.of()));
	}

	@LabAdminOnly
	static class AdminPages {

		String page() {
			return "admin";
		}

	}

	static class MixedPages {

		@LabAdminOnly
		String adminPage() {
			return "admin";
		}

		String memberPage() {
			return "member";
		}

	}

}
