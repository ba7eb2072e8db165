package org.transferportal.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GlobusPathTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/~/", "/~/data/run 1.csv", "/share/a..b/", "/share/.../", "/share/.hidden",
			"/share/..hidden/", "/share/x./", "/share/%2e%2e/", "/share/\uff0e\uff0e/", "/share//double/",
			"/projects/odd names/back\\slash.txt", "/C/Users/x/", "/\u00e9t\u00e9/\u65e5\u672c/" })
	void absolutePathsWithoutDotSegmentsAreAccepted(String path) {
		assertThat(GlobusPath.problem(path)).isNull();
		assertThat(GlobusPath.isValid(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/share/../../etc/passwd", "/a/./b", "/..", "/.", "/a/..", "/a/.", "/a/../", "/./",
			"/~/../other/", "/C/data\\..\\Windows", "/a\\.\\b", "/share/..\\x" })
	void aDotSegmentIsRefusedWhereverItIs(String path) {
		assertThat(GlobusPath.problem(path))
			.isEqualTo("A path cannot contain . or .. as a folder name: give the folder itself");
	}

	@Test
	void aPathMustBeAbsolute() {
		assertThat(GlobusPath.problem("data/x")).startsWith("A path must be absolute");
		assertThat(GlobusPath.problem("~/x")).startsWith("A path must be absolute");
		assertThat(GlobusPath.problem(" /x")).startsWith("A path must be absolute");
		assertThat(GlobusPath.problem("")).isEqualTo("Enter a path");
		assertThat(GlobusPath.problem(null)).isEqualTo("Enter a path");
	}

	@Test
	void controlCharactersAreRefusedNulAndC1Included() {
		for (String path : new String[] { "/a\u0000b", "/a\nb", "/a\rb", "/a\tb", "/a\u007fb", "/a\u0085b",
				"/a\u009bb" }) {
			assertThat(GlobusPath.problem(path)).as(path).isEqualTo("A path cannot contain control characters");
		}
	}

	@Test
	void theLengthLimitIs4096CharactersInclusive() {
		String longest = "/" + "x".repeat(GlobusPath.MAX_LENGTH - 1);
		assertThat(GlobusPath.problem(longest)).isNull();
		assertThat(GlobusPath.problem(longest + "y")).isEqualTo("A path can have at most 4096 characters");
	}

}
