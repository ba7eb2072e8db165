package org.transferportal.lab;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LabAccess}: who may log in and who is an admin.
 */
class LabAccessTests {

	private final LabAccess access = new LabAccess(new LabProperties("Lab", List.of(),
			List.of("uchicago.edu", " GlobusID.org "), List.of("Boss@example.com"), false));

	@Test
	void aUsernameFromAnAllowedDomainIsLetIn() {
		assertThat(this.access.admits(List.of("alice@uchicago.edu"))).isTrue();
		assertThat(this.access.admits(List.of("ALICE@GLOBUSID.ORG"))).isTrue();
	}

	@Test
	void aLinkedIdentityFromAnAllowedDomainIsEnough() {
		assertThat(this.access.admits(List.of("eve@example.com", "eve@uchicago.edu"))).isTrue();
	}

	@Test
	void otherDomainsLookalikesAndMissingDomainsAreRefused() {
		assertThat(this.access.admits(List.of("eve@example.com"))).isFalse();
		assertThat(this.access.admits(List.of("eve@evil-uchicago.edu"))).isFalse();
		assertThat(this.access.admits(List.of("eve@uchicago.edu.evil.com"))).isFalse();
		assertThat(this.access.admits(List.of("uchicago.edu"))).isFalse();
		assertThat(this.access.admits(List.of())).isFalse();
	}

	@Test
	void adminsAreAlwaysLetInAndMatchedIgnoringCase() {
		assertThat(this.access.isAdmin("boss@example.com")).isTrue();
		assertThat(this.access.admits(List.of("boss@example.com"))).isTrue();
		assertThat(this.access.isAdmin("alice@uchicago.edu")).isFalse();
		assertThat(this.access.isAdmin(null)).isFalse();
	}

	@Test
	void theSettingsBindFromEnvironmentVariablesAsCommaSeparatedLists() {
		var environment = new org.springframework.core.env.SystemEnvironmentPropertySource("env",
				java.util.Map.of("PORTAL_LAB_NAME", "Kim Lab", "PORTAL_LAB_ALLOWED_DOMAINS",
						"uchicago.edu,globusid.org", "PORTAL_LAB_ADMINS", "kim@uchicago.edu"));
		LabProperties properties = new org.springframework.boot.context.properties.bind.Binder(
				org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(environment))
			.bindOrCreate("portal.lab", LabProperties.class);
		assertThat(properties.name()).isEqualTo("Kim Lab");
		assertThat(properties.allowedDomains()).containsExactly("uchicago.edu", "globusid.org");
		assertThat(properties.admins()).containsExactly("kim@uchicago.edu");
		LabProperties empty = new org.springframework.boot.context.properties.bind.Binder(
				org.springframework.boot.context.properties.source.ConfigurationPropertySources
					.from(new org.springframework.core.env.SystemEnvironmentPropertySource("env",
							java.util.Map.of("PORTAL_LAB_ALLOWED_DOMAINS", "", "PORTAL_LAB_ADMINS", ""))))
			.bindOrCreate("portal.lab", LabProperties.class);
		assertThat(empty.allowedDomains()).isEmpty();
		assertThat(empty.admins()).isEmpty();
	}

	@Test
	void withoutAllowedDomainsEveryoneIsLetIn() {
		LabAccess open = new LabAccess(new LabProperties("Lab", List.of(), List.of(), List.of(), false));
		assertThat(open.admits(List.of("anyone@anywhere.org"))).isTrue();
		assertThat(open.isAdmin("anyone@anywhere.org")).isFalse();
	}

}
