package org.transferportal.transfer;

import org.transferportal.support.Text;

/**
 * The one rule for a task's label, as Globus states it: at most {@value #MAX_LENGTH}
 * characters, no line break or other control character, no blanks at either end. Edge
 * blanks are removed rather than refused, since nobody types them on purpose.
 */
final class Label {

	static final int MAX_LENGTH = 128;

	private Label() {
	}

	/** The label as sent: edge blanks removed; empty means none. */
	static String clean(String label) {
		return (label != null) ? label.strip() : "";
	}

	/** Why the text cannot be a label (once cleaned), or {@code null} if it can. */
	static String problem(String label) {
		String clean = clean(label);
		if (clean.length() > MAX_LENGTH) {
			return "A label can have at most " + MAX_LENGTH + " characters";
		}
		if (Text.hasControlCharacter(clean)) {
			return "A label cannot contain line breaks or control characters";
		}
		return null;
	}

}
