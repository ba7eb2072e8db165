package org.transferportal.transfer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelTests {

	@Test
	void edgeBlanksAreRemovedRatherThanRefused() {
		assertThat(Label.clean("  nightly sync \t")).isEqualTo("nightly sync");
		assertThat(Label.problem("  nightly sync \t")).isNull();
		assertThat(Label.clean(null)).isEmpty();
	}

	@Test
	void aLabelHasAtMost128CharactersOnOneLine() {
		assertThat(Label.problem("x".repeat(128))).isNull();
		assertThat(Label.problem("x".repeat(129))).isEqualTo("A label can have at most 128 characters");
		assertThat(Label.problem("two\nlines")).isEqualTo("A label cannot contain line breaks or control characters");
		assertThat(Label.problem("nul\u0000")).isEqualTo("A label cannot contain line breaks or control characters");
	}

}
