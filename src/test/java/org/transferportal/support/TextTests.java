package org.transferportal.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTests {

	@Test
	void controlCharactersAreC0DelAndC1() {
		assertThat(Text.hasControlCharacter("plain text, \u00e9 and \u202e")).isFalse();
		for (char c : new char[] { '\u0000', '\t', '\n', '\r', '\u001f', '\u007f', '\u0085', '\u009f' }) {
			assertThat(Text.hasControlCharacter("a" + c)).as("U+%04X", (int) c).isTrue();
		}
	}

	@Test
	void multiLineTextMayHaveLineBreaksButNoOtherControlCharacter() {
		assertThat(Text.hasControlCharacterBesidesLineBreaks("one\r\ntwo\nthree")).isFalse();
		assertThat(Text.hasControlCharacterBesidesLineBreaks("tab\there")).isTrue();
		assertThat(Text.hasControlCharacterBesidesLineBreaks("nul\u0000")).isTrue();
	}

}
