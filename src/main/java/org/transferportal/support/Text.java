package org.transferportal.support;

/**
 * The one test for control characters in what users type or link: C0, DEL and C1
 * ({@link Character#isISOControl}), which no name, path or label may carry.
 */
public final class Text {

	private Text() {
	}

	/** Whether the text holds a control character (line breaks and NUL included). */
	public static boolean hasControlCharacter(String text) {
		return text.chars().anyMatch(Character::isISOControl);
	}

	/**
	 * Like {@link #hasControlCharacter}, but line breaks are allowed (multi-line text).
	 */
	public static boolean hasControlCharacterBesidesLineBreaks(String text) {
		return text.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r');
	}

}
