package org.transferportal.support;

/**
 * Guards every place the portal redirects to a path it was given: only paths on this
 * portal, never another site.
 */
public final class LocalPaths {

	private LocalPaths() {
	}

	/**
	 * Whether the text is a path on this portal ({@code /x}, not {@code //host} or
	 * {@code /\host}).
	 */
	public static boolean isLocal(String path) {
		if (path == null || path.isEmpty() || path.charAt(0) != '/') {
			return false;
		}
		if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
			return false;
		}
		return path.indexOf('\\') < 0 && !Text.hasControlCharacter(path);
	}

	/** The path if it is local, otherwise the fallback. */
	public static String orElse(String path, String fallback) {
		return isLocal(path) ? path : fallback;
	}

	/**
	 * The path if it is the given page of this portal (itself or with a query), otherwise
	 * the page: a "back" address that can only lead back there.
	 */
	public static String onPage(String path, String page) {
		boolean onPage = path != null && (path.equals(page) || path.startsWith(page + "?"));
		return (onPage && isLocal(path)) ? path : page;
	}

}
