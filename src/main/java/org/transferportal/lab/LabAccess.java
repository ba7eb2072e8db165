package org.transferportal.lab;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Who belongs to the lab and who administers it, decided from Globus usernames.
 */
@Component
public class LabAccess {

	private final Set<String> domains;

	private final Set<String> admins;

	LabAccess(LabProperties properties) {
		this.domains = normalized(properties.allowedDomains());
		this.admins = normalized(properties.admins());
	}

	/**
	 * Whether a user with these usernames (their identity and its linked identities) may
	 * use the portal: one of them must be from an allowed domain. Admins always may.
	 */
	public boolean admits(Collection<String> usernames) {
		if (this.domains.isEmpty()) {
			return true;
		}
		return usernames.stream().anyMatch((username) -> isAdmin(username) || this.domains.contains(domain(username)));
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
