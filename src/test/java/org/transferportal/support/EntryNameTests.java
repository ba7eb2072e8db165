package org.transferportal.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EntryNameTests {

	@ParameterizedTest
	@ValueSource(strings = { "a", "run 1.csv", "...", ".hidden", "a..b", "back\\slash.txt", "<script>", "\u65e5\u672c",
			" leading" })
	void ordinaryNamesAreAccepted(String name) {
		assertThat(EntryName.problem(name)).isNull();
	}

	@Test
	void eachBadNameGetsItsReason() {
		assertThat(EntryName.problem("")).isEqualTo("Enter a name");
		assertThat(EntryName.problem(null)).isEqualTo("Enter a name");
		assertThat(EntryName.problem("a/b")).isEqualTo("A name cannot contain /");
		assertThat(EntryName.problem("/")).isEqualTo("A name cannot contain /");
		assertThat(EntryName.problem(".")).isEqualTo("A name cannot be . or ..");
		assertThat(EntryName.problem("..")).isEqualTo("A name cannot be . or ..");
		assertThat(EntryName.problem("x\\..")).isEqualTo("A name cannot be . or ..");
		assertThat(EntryName.problem("a\u0000")).isEqualTo("A name cannot contain control characters");
		assertThat(EntryName.problem("two\nlines")).isEqualTo("A name cannot contain control characters");
	}

	@Test
	void theLengthLimitIs255CharactersInclusive() {
		assertThat(EntryName.problem("x".repeat(255))).isNull();
		assertThat(EntryName.problem("x".repeat(256))).isEqualTo("A name can have at most 255 characters");
	}

	@Test
	void aValidNameInAValidFolderIsAValidPath() {
		for (String name : new String[] { "a", "...", "x\\y", "a..b" }) {
			assertThat(EntryName.isValid(name)).isTrue();
			assertThat(GlobusPath.isValid("/projects/" + name)).as(name).isTrue();
		}
	}

}
