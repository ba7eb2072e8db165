package org.transferportal.collections;

import java.util.UUID;

import org.transferportal.globus.CanonicalUuid;

/**
 * The one check of collection ids typed, linked or posted by users (the transfer form,
 * presets, the file manager's panes and tools): a UUID in its canonical 8-4-4-4-12 form,
 * since Java's UUID parser, and so Spring's conversion, alone accepts shorter groups.
 */
public final class CollectionIds {

	/** What to tell a user whose collection id is not one. */
	public static final String PROBLEM = "A collection id is a UUID like 6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	private CollectionIds() {
	}

	/** The id, or {@code null} when the text is not a canonical UUID. */
	public static UUID parse(String text) {
		return CanonicalUuid.parse(text);
	}

}
