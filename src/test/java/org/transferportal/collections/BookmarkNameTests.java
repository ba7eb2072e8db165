package org.transferportal.collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookmarkNameTests {

	@Test
	void aNameHas1To128CharactersOnceEdgeBlanksAreGone() {
		assertThat(BookmarkName.problem("Alpha <runs> & more")).isNull();
		assertThat(BookmarkName.problem("  " + "x".repeat(128) + "  ")).isNull();
		assertThat(BookmarkName.clean("  Alpha ")).isEqualTo("Alpha");
		assertThat(BookmarkName.problem("x".repeat(129))).isEqualTo("A bookmark name has 1 to 128 characters");
		assertThat(BookmarkName.problem("   ")).isEqualTo("A bookmark name has 1 to 128 characters");
		assertThat(BookmarkName.problem(null)).isEqualTo("A bookmark name has 1 to 128 characters");
	}

	@Test
	void aNameIsOneLineWithoutControlCharacters() {
		for (String name : new String[] { "a\nb", "a\u0000", "tab\there", "c1\u0085" }) {
			assertThat(BookmarkName.problem(name)).as(name)
				.isEqualTo("A bookmark name cannot contain line breaks or other control characters");
		}
	}

}
