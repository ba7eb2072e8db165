package org.transferportal.tasks;

/**
 * Quoting for POSIX shells, for commands people copy from the task page.
 */
final class Shell {

	private Shell() {
	}

	/**
	 * Single quotes, which keep everything literal; a quote inside is closed and escaped.
	 */
	static String quote(String word) {
		return "'" + word.replace("'", "'\\''") + "'";
	}

}
