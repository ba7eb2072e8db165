package org.transferportal.support;

/**
 * The one rule for a path the portal sends to Globus, wherever it comes from (the
 * transfer form and its batch lines, deep links, presets, the file manager, bookmarks):
 * absolute, at most {@value #MAX_LENGTH} characters, no control character, and no
 * {@code .} or {@code ..} segment.
 *
 * <p>
 * Globus resolves a path on the storage side, so a {@code ..} segment may leave the
 * folder the user meant ({@code /share/../../etc/passwd}); a path never needs one. A
 * segment between backslashes counts too, in case the storage behind a collection is
 * Windows. Names that merely contain dots ({@code ...}, {@code .hidden}, {@code a..b})
 * are fine, and so is {@code /~/}, the user's home folder. Text is taken as it arrives,
 * already decoded once by the web layer: {@code %2e%2e} is a file name, not a step up.
 */
public final class GlobusPath {

	/** The longest path sent (PATH_MAX of the Linux storage behind most collections). */
	public static final int MAX_LENGTH = 4096;

	private GlobusPath() {
	}

	/** Why the text is not a path Globus may be asked about, or {@code null} if it is. */
	public static String problem(String path) {
		if (path == null || path.isEmpty()) {
			return "Enter a path";
		}
		if (path.charAt(0) != '/') {
			return "A path must be absolute: start it with / (or /~/ for your home folder)";
		}
		if (path.length() > MAX_LENGTH) {
			return "A path can have at most " + MAX_LENGTH + " characters";
		}
		if (Text.hasControlCharacter(path)) {
			return "A path cannot contain control characters";
		}
		if (hasDotSegment(path)) {
			return "A path cannot contain . or .. as a folder name: give the folder itself";
		}
		return null;
	}

	/** Whether the text is a path Globus may be asked about. */
	public static boolean isValid(String path) {
		return problem(path) == null;
	}

	/** Whether a {@code /}- or {@code \}-separated part of the text is . or .. . */
	static boolean hasDotSegment(String path) {
		for (String segment : path.split("[/\\\\]", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

}
