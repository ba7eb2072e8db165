package org.transferportal.transfer;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file manager's selection, written as a batch and read back by the form's parser.
 */
class SelectionManifestTests {

	@Test
	void hostileNamesSurviveTheRoundTripThroughTheBatchParser() {
		List<String> names = List.of("\"quoted\" 'names'.csv", "back\\slash.txt", "  two leading spaces.txt",
				"percent%20and&ampersand;semi#hash?.txt", "sub folder/");
		ManifestParser.Result parsed = ManifestParser.parse(SelectionManifest.of(names));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.lines()).extracting(ManifestParser.Line::source)
			.containsExactly("\"quoted\" 'names'.csv", "back\\slash.txt", "  two leading spaces.txt",
					"percent%20and&ampersand;semi#hash?.txt", "sub folder/");
		assertThat(parsed.lines()).extracting(ManifestParser.Line::recursive)
			.containsExactly(null, null, null, null, true);
		assertThat(parsed.lines()).allMatch((line) -> line.source().equals(line.destination()));
	}

	@Test
	void namesThatAreNotEntriesOfAFolderAreRefused() {
		assertThat(SelectionManifest.of(List.of("a/b"))).isNull();
		assertThat(SelectionManifest.of(List.of(".."))).isNull();
		assertThat(SelectionManifest.of(List.of("line\nbreak"))).isNull();
		assertThat(SelectionManifest.of(List.of("/"))).isNull();
	}

}
