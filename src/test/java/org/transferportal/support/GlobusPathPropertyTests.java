package org.transferportal.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path rule under hostile input: dot segments hidden among other segments or behind
 * backslashes, percent-encoded once or twice, control characters anywhere, long strings.
 */
class GlobusPathPropertyTests {

	@Property(tries = 2000)
	void anAcceptedPathIsAbsoluteShortPrintableAndNeverStepsOutOfAFolder(@ForAll("hostilePaths") String path) {
		if (GlobusPath.problem(path) != null) {
			return;
		}
		assertThat(path).startsWith("/").hasSizeLessThanOrEqualTo(GlobusPath.MAX_LENGTH);
		assertThat(path.chars()).noneMatch(Character::isISOControl);
		assertThat(List.of(path.split("[/\\\\]", -1))).doesNotContain(".", "..");
	}

	@Property(tries = 1000)
	void aDotSegmentAnywhereIsRefused(@ForAll("segments") List<String> before, @ForAll("dots") String dots,
			@ForAll("segments") List<String> after, @ForAll("separators") String separator) {
		String path = "/" + String.join("/", before) + (before.isEmpty() ? "" : separator) + dots
				+ (after.isEmpty() ? "" : separator + String.join("/", after));
		assertThat(GlobusPath.problem(path)).as(path).isNotNull();
	}

	@Property(tries = 1000)
	void aControlCharacterAnywhereIsRefused(@ForAll("segments") List<String> segments, @ForAll("controls") char control,
			@ForAll int where) {
		String clean = "/" + String.join("/", segments);
		int at = 1 + Math.floorMod(where, clean.length());
		String path = clean.substring(0, at) + control + clean.substring(at);
		assertThat(GlobusPath.problem(path)).as(path).isNotNull();
	}

	@Property(tries = 200)
	void anythingLongerThanTheLimitIsRefused(@ForAll("segments") List<String> segments) {
		String path = "/" + String.join("/", segments) + "/" + "x".repeat(GlobusPath.MAX_LENGTH);
		assertThat(GlobusPath.problem(path)).isEqualTo("A path can have at most 4096 characters");
	}

	@Property(tries = 1000)
	void pathsOfOrdinarySegmentsAreAcceptedEvenWithDotsInNames(@ForAll("segments") List<String> segments,
			@ForAll boolean folder) {
		String path = "/" + String.join("/", segments) + (folder ? "/" : "");
		assertThat(GlobusPath.problem(path)).as(path).isNull();
	}

	/**
	 * The web layer decodes a link once: an encoded dot segment then arrives as one and
	 * is refused, while a doubly encoded one arrives as a plain name ({@code %2e%2e}),
	 * which Globus does not decode either.
	 */
	@Property(tries = 500)
	void encodedDotSegmentsAreRefusedOnceDecodedAndAreOnlyNamesWhenEncodedTwice(
			@ForAll("plainSegments") List<String> segments, @ForAll("encodedDots") String encoded) {
		String link = "/" + String.join("/", segments) + "/" + encoded + "/etc/passwd";
		String decoded = URLDecoder.decode(link, StandardCharsets.UTF_8);
		boolean stillEncoded = decoded.contains("%");
		assertThat(GlobusPath.problem(decoded) == null).as(decoded).isEqualTo(stillEncoded);
	}

	@Provide
	Arbitrary<String> hostilePaths() {
		Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of("/", "\\", ".", "..", "~", "%2e", "%2E", "%00",
				"\u0000", "\n", "\u0085", "\u202e", "\uff0e", " ", "a", "\u00e9"),
				Arbitraries.strings().ofMaxLength(3));
		Arbitrary<String> joined = pieces.list().ofMaxSize(30).map((list) -> String.join("", list));
		Arbitrary<String> longOnes = Arbitraries.strings().withChars("/.a").ofMinLength(4090).ofMaxLength(4100);
		return Arbitraries.oneOf(joined, joined.map((s) -> "/" + s), longOnes.map((s) -> "/" + s));
	}

	@Provide
	Arbitrary<List<String>> segments() {
		Arbitrary<String> names = Arbitraries.oneOf(
				Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8), Arbitraries.of("...", ".hidden",
						"..x", "x..", "a.b", "%2e%2e", "~", "\uff0e\uff0e", "run 1", "\u65e5\u672c", "back\\slash"));
		return names.list().ofMaxSize(6);
	}

	@Provide
	Arbitrary<List<String>> plainSegments() {
		return Arbitraries.strings()
			.alpha()
			.numeric()
			.withChars('.', '~', ' ')
			.ofMinLength(1)
			.ofMaxLength(8)
			.filter((name) -> !name.equals(".") && !name.equals(".."))
			.list()
			.ofMaxSize(6);
	}

	@Provide
	Arbitrary<String> dots() {
		return Arbitraries.of(".", "..");
	}

	@Provide
	Arbitrary<String> separators() {
		return Arbitraries.of("/", "\\");
	}

	@Provide
	Arbitrary<Character> controls() {
		return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.of('\u007f'),
				Arbitraries.chars().range('\u0080', '\u009f'));
	}

	@Provide
	Arbitrary<String> encodedDots() {
		Arbitrary<String> dot = Arbitraries.of("%2e", "%2E", ".");
		Arbitrary<String> once = Combinators.combine(dot, dot).as((a, b) -> a + b).filter((s) -> s.contains("%"));
		return Arbitraries.oneOf(once, once.map((s) -> s.replace("%", "%25")));
	}

}
