package org.transferportal.lab;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LabAccess}: who may log in and who is an admin.
 */
class LabAccessTests {

	private static final UUID LAB_GROUP = UUID.fromString("6c1bd5a2-94f3-4f0e-9b7d-2a8f3e1c5d70");

	private final LabAccess access = new LabAccess(new LabProperties("Lab", List.of(),
			List.of("uchicago.edu", " GlobusID.org "), List.of("Boss@example.com"), false, null, true, true));

	@Test
	void aUsernameFromAnAllowedDomainIsLetIn() {
		assertThat(this.access.admits(List.of("alice@uchicago.edu"), false)).isTrue();
		assertThat(this.access.admits(List.of("ALICE@GLOBUSID.ORG"), false)).isTrue();
	}

	@Test
	void aLinkedIdentityFromAnAllowedDomainIsEnough() {
		assertThat(this.access.admits(List.of("eve@example.com", "eve@uchicago.edu"), false)).isTrue();
	}

	@Test
	void otherDomainsLookalikesAndMissingDomainsAreRefused() {
		assertThat(this.access.admits(List.of("eve@example.com"), false)).isFalse();
		assertThat(this.access.admits(List.of("eve@evil-uchicago.edu"), false)).isFalse();
		assertThat(this.access.admits(List.of("eve@uchicago.edu.evil.com"), false)).isFalse();
		assertThat(this.access.admits(List.of("uchicago.edu"), false)).isFalse();
		assertThat(this.access.admits(List.of(), false)).isFalse();
	}

	@Test
	void adminsAreAlwaysLetInAndMatchedIgnoringCase() {
		assertThat(this.access.isAdmin("boss@example.com")).isTrue();
		assertThat(this.access.admits(List.of("boss@example.com"), false)).isTrue();
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
	void aGroupMemberIsLetInFromAnyDomainAndTheDomainsStillAdmit() {
		LabAccess both = new LabAccess(new LabProperties("Lab", List.of(), List.of("uchicago.edu"),
				List.of("boss@example.com"), false, LAB_GROUP, true, true));
		assertThat(both.group()).isEqualTo(LAB_GROUP);
		assertThat(both.admits(List.of("eve@example.com"), true)).isTrue();
		assertThat(both.admits(List.of("eve@example.com"), false)).isFalse();
		assertThat(both.admits(List.of("bob@uchicago.edu"), false)).isTrue();
		assertThat(both.admits(List.of("boss@example.com"), false)).isTrue();
	}

	@Test
	void withOnlyAGroupConfiguredOnlyItsMembersAndAdminsAreLetIn() {
		LabAccess group = new LabAccess(new LabProperties("Lab", List.of(), List.of(), List.of("boss@example.com"),
				false, LAB_GROUP, true, true));
		assertThat(group.admits(List.of("eve@example.com"), true)).isTrue();
		assertThat(group.admits(List.of("eve@example.com"), false)).isFalse();
		assertThat(group.admits(List.of("bob@uchicago.edu"), false)).isFalse();
		assertThat(group.admits(List.of("boss@example.com"), false)).isTrue();
	}

	@Test
	void aGroupMembershipMeansNothingWhenNoGroupIsConfigured() {
		assertThat(this.access.group()).isNull();
		assertThat(this.access.admits(List.of("eve@example.com"), true)).isFalse();
	}

	@Test
	void theGroupBindsFromPortalLabGroup() {
		LabProperties properties = new org.springframework.boot.context.properties.bind.Binder(
				org.springframework.boot.context.properties.source.ConfigurationPropertySources
					.from(new org.springframework.core.env.SystemEnvironmentPropertySource("env",
							java.util.Map.of("PORTAL_LAB_GROUP", LAB_GROUP.toString()))))
			.bindOrCreate("portal.lab", LabProperties.class);
		assertThat(properties.group()).isEqualTo(LAB_GROUP);
		assertThat(properties.extraLoginScopes())
			.containsExactly("urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships");
		LabProperties none = new org.springframework.boot.context.properties.bind.Binder(
				org.springframework.boot.context.properties.source.ConfigurationPropertySources
					.from(new org.springframework.core.env.SystemEnvironmentPropertySource("env",
							java.util.Map.of("PORTAL_LAB_GROUP", ""))))
			.bindOrCreate("portal.lab", LabProperties.class);
		assertThat(none.group()).isNull();
		assertThat(none.extraLoginScopes()).isEmpty();
	}

	@Test
	void withoutAllowedDomainsEveryoneIsLetIn() {
		LabAccess open = new LabAccess(
				new LabProperties("Lab", List.of(), List.of(), List.of(), false, null, true, true));
		assertThat(open.admits(List.of("anyone@anywhere.org"), false)).isTrue();
		assertThat(open.isAdmin("anyone@anywhere.org")).isFalse();
	}

}
