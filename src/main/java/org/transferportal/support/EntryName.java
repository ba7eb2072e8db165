package org.transferportal.support;

/**
 * The one rule for the name of a file or folder inside a folder (a new folder, a rename,
 * an item picked in the file manager): 1 to {@value #MAX_LENGTH} characters, no
 * {@code /}, not {@code .} or {@code ..}, no control character.
 */
public final class EntryName {

	/** The usual file-system limit on one name (255 bytes on most). */
	public static final int MAX_LENGTH = 255;

	private EntryName() {
	}

	/** Why the text cannot name an entry of a folder, or {@code null} if it can. */
	public static String problem(String name) {
		if (name == null || name.isEmpty()) {
			return "Enter a name";
		}
		if (name.length() > MAX_LENGTH) {
			return "A name can have at most " + MAX_LENGTH + " characters";
		}
		if (name.contains("/")) {
			return "A name cannot contain /";
		}
		if (GlobusPath.hasDotSegment(name)) {
			// Between backslashes too: a valid name in a valid folder is a valid path.
			return "A name cannot be . or ..";
		}
		if (Text.hasControlCharacter(name)) {
			return "A name cannot contain control characters";
		}
		return null;
	}

	/** Whether the text can name an entry of a folder. */
	public static boolean isValid(String name) {
		return problem(name) == null;
	}

}
