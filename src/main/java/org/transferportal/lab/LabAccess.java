package org.transferportal.lab;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Who belongs to the lab and who administers it, decided from Globus usernames and, when
 * the lab names a Globus group, from membership in it.
 */
@Component
public class LabAccess {

	private final Set<String> domains;

	private final Set<String> admins;

	private final UUID group;

	LabAccess(LabProperties properties) {
		this.domains = normalized(properties.allowedDomains());
		this.admins = normalized(properties.admins());
		this.group = properties.group();
	}

	/**
	 * Whether a user may use the portal. With neither allowed domains nor a group
	 * configured, everyone may. Otherwise either rule admits: one of the usernames (their
	 * identity and its linked identities) is from an allowed domain, or the user is an
	 * active member of the lab's group. Admins always may.
	 * @param usernames the user's Globus username and those of its linked identities
	 * @param groupMember whether Globus Groups said at login that the user is an active
	 * member of {@link #group()}
	 */
	public boolean admits(Collection<String> usernames, boolean groupMember) {
		if (this.domains.isEmpty() && this.group == null) {
			return true;
		}
		if (this.group != null && groupMember) {
			return true;
		}
		return usernames.stream().anyMatch((username) -> isAdmin(username) || this.domains.contains(domain(username)));
	}

	/** The Globus group whose active members may log in, or {@code null}. */
	public UUID group() {
		return this.group;
	}

	/** Whether this Globus username is one of the lab's admins. */
	public boolean isAdmin(String username) {
		return username != null && this.admins.contains(username.trim().toLowerCase(Locale.ROOT));
	}

	private static String domain(String username) {
		if (username == null) {
			return "";
		}
		int at = username.lastIndexOf('@');
		return (at < 0) ? "" : username.substring(at + 1).trim().toLowerCase(Locale.ROOT);
	}

	private static Set<String> normalized(Collection<String> values) {
		return values.stream()
			.map((value) -> value.trim().toLowerCase(Locale.ROOT))
			.filter((value) -> !value.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

}
