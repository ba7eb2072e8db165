package org.transferportal.globus;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one check that a text from a URL or a form is a UUID in its canonical 8-4-4-4-12
 * form, as Globus's ids (collections, bookmarks, groups) and the portal's own ids are.
 * Java's UUID parser alone accepts shorter groups.
 */
public final class CanonicalUuid {

	private static final Pattern CANONICAL = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private CanonicalUuid() {
	}

	/** The UUID, or {@code null} when the text is not one in canonical form. */
	public static UUID parse(String text) {
		return (text != null && CANONICAL.matcher(text).matches()) ? UUID.fromString(text) : null;
	}

}
