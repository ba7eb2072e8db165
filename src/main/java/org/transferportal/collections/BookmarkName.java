package org.transferportal.collections;

import org.transferportal.support.Text;

/**
 * The one rule for a Transfer bookmark's name, whether it is saved from the file manager
 * or renamed on the bookmarks page: 1 to {@value #MAX_LENGTH} characters (Globus's limit)
 * on one line, without edge blanks.
 */
public final class BookmarkName {

	public static final int MAX_LENGTH = 128;

	private BookmarkName() {
	}

	/** The name as saved: edge blanks removed, as nobody means them. */
	public static String clean(String name) {
		return (name != null) ? name.strip() : "";
	}

	/** Why the text cannot name a bookmark (once cleaned), or {@code null} if it can. */
	public static String problem(String name) {
		String clean = clean(name);
		if (clean.isEmpty() || clean.length() > MAX_LENGTH) {
			return "A bookmark name has 1 to " + MAX_LENGTH + " characters";
		}
		if (Text.hasControlCharacter(clean)) {
			return "A bookmark name cannot contain line breaks or other control characters";
		}
		return null;
	}

}
