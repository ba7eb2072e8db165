package org.transferportal.transfer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestParserTests {

	@Test
	void readsItemsCommentsBlankLinesAndQuotedPaths() {
		ManifestParser.Result result = ManifestParser.parse("""
				# nightly batch
				a.txt b.txt

				"with space/" 'other dir/' --recursive
				x\\ y.csv /abs/x.csv   # trailing comment
				""");
		assertThat(result.errors()).isEmpty();
		assertThat(result.lines()).containsExactly(new ManifestParser.Line(2, "a.txt", "b.txt", null),
				new ManifestParser.Line(4, "with space/", "other dir/", true),
				new ManifestParser.Line(5, "x y.csv", "/abs/x.csv", null));
	}

	@Test
	void reportsEveryBadLineWithItsNumber() {
		ManifestParser.Result result = ManifestParser.parse("""
				good.txt good.txt
				only-one
				a b c
				"unclosed b
				a b --sync-level 3
				""");
		assertThat(result.errors()).containsExactly(
				"Line 2: expected a source path and a destination path, found 1 path",
				"Line 3: expected a source path and a destination path, found 3 paths", "Line 4: unclosed quote",
				"Line 5: unknown option '--sync-level'");
	}

	@Test
	void anEmptyBatchIsAnError() {
		assertThat(ManifestParser.parse("# nothing\n\n").errors()).containsExactly("The batch has no items");
	}

	@Test
	void acceptsTheShortRecursiveFlagAndWindowsLineEnds() {
		ManifestParser.Result result = ManifestParser.parse("a/ b/ -r\r\nc d\r\n");
		assertThat(result.lines()).extracting(ManifestParser.Line::recursive).containsExactly(true, null);
	}

	@Test
	void aLineIsAFolderOrAFileOnlyWhenItSaysSoAsInTheCli() {
		ManifestParser.Result result = ManifestParser
			.parse("run1 run1\nrun2 run2 --recursive\nf.txt f.txt --no-recursive\nx y --recursive -r\n");
		assertThat(result.errors()).isEmpty();
		assertThat(result.lines()).extracting(ManifestParser.Line::recursive).containsExactly(null, true, false, true);
		assertThat(ManifestParser.parse("a b --recursive --no-recursive\n").errors())
			.containsExactly("Line 1: choose --recursive or --no-recursive, not both");
	}

}
