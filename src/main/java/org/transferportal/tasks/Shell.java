package org.transferportal.tasks;

import java.util.Locale;

/**
 * Quoting for commands people copy from the task page and paste into a POSIX shell (the
 * command line) or into the Globus CLI's batch input (which splits lines with Python's
 * {@code shlex}, POSIX rules).
 */
final class Shell {

	private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

	private Shell() {
	}

	/**
	 * One word for the command line, literal whatever it holds: single quotes (a quote
	 * inside is closed, escaped and reopened), or bash's {@code $'…'} with escapes when
	 * the word holds a control character, so that no line break reaches the pasted text.
	 */
	static String quote(String word) {
		if (SAFE.matcher(word).matches()) {
			// Ids, flags' values and plain paths read better bare, as Python's
			// shlex.quote
			// leaves them.
			return word;
		}
		if (word.codePoints().noneMatch(Shell::isAsciiControl)) {
			// Single quotes keep everything else literal, other line separators included.
			return single(word);
		}
		StringBuilder quoted = new StringBuilder("$'");
		word.codePoints().forEach((c) -> {
			switch (c) {
				case '\\' -> quoted.append("\\\\");
				case '\'' -> quoted.append("\\'");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				case '\r' -> quoted.append("\\r");
				default -> {
					if (isAsciiControl(c)) {
						quoted.append(String.format(Locale.ROOT, "\\x%02x", c));
					}
					else {
						quoted.appendCodePoint(c);
					}
				}
			}
		});
		return quoted.append('\'').toString();
	}

	/**
	 * One word of a batch line, which the CLI reads line by line: single quotes; a word
	 * with a control character cannot be written (callers check
	 * {@link #hasControlCharacter} first).
	 */
	static String batchWord(String word) {
		if (hasControlCharacter(word)) {
			throw new IllegalArgumentException("A batch line cannot hold a control character");
		}
		return single(word);
	}

	static boolean hasControlCharacter(String text) {
		return text.codePoints().anyMatch(Shell::isControl);
	}

	private static boolean isAsciiControl(int c) {
		return c < 0x20 || c == 0x7f;
	}

	/**
	 * Control characters and the separators a line reader may split on (C1 controls,
	 * U+2028, U+2029).
	 */
	private static boolean isControl(int c) {
		return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
	}

	private static String single(String word) {
		return "'" + word.replace("'", "'\\''") + "'";
	}

}
