package org.transferportal.https;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.transferportal.support.PreviewKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a preview makes of a file's first bytes: CSV rows with quoting, a partial last row
 * left out, JSON pretty when complete and text otherwise, binary refused, and a character
 * cut at the end not shown broken.
 */
class PreviewTextTests {

	@Test
	void csvRowsFollowQuotingAndLineBreaksInsideQuotes() {
		List<List<String>> rows = PreviewText.table("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n", ',', false);
		assertThat(rows).containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("1", "two\nlines", "3"));
	}

	@Test
	void theLastRowOfACutFileIsLeftOut() {
		assertThat(PreviewText.table("h1\th2\nv1\tv2\nv3\tv", '\t', true)).containsExactly(List.of("h1", "h2"),
				List.of("v1", "v2"));
	}

	@Test
	void completeJsonIsPrettyAndACutOneIsShownAsText() {
		FilePreviews.Content pretty = FilePreviews.render(PreviewKind.JSON, "a.json",
				"{\"a\":[1,2],\"b\":{\"c\":\"<script>\"}}".getBytes(StandardCharsets.UTF_8), false);
		assertThat(pretty.kind()).isEqualTo(PreviewKind.JSON);
		assertThat(pretty.text()).contains("\n").contains("\"<script>\"");
		FilePreviews.Content cut = FilePreviews.render(PreviewKind.JSON, "a.json",
				"{\"a\":[1,2".getBytes(StandardCharsets.UTF_8), true);
		assertThat(cut.kind()).isEqualTo(PreviewKind.TEXT);
		assertThat(cut.text()).isEqualTo("{\"a\":[1,2");
		assertThat(cut.truncated()).isTrue();
	}

	@Test
	void binaryBytesAreNotShownAsText() {
		FilePreviews.Content content = FilePreviews.render(PreviewKind.TEXT, "a.txt", new byte[] { 'a', 0, 'b' },
				false);
		assertThat(content.message()).contains("does not look like text");
	}

	@Test
	void aCharacterCutInTwoAtTheEndIsLeftOut() {
		byte[] bytes = "données-α".getBytes(StandardCharsets.UTF_8);
		byte[] cut = Arrays.copyOf(bytes, bytes.length - 1);
		assertThat(PreviewText.decode(cut, true)).isEqualTo("données-");
	}

	@Test
	void svgIsPreviewedAsTextNeverAsAnImage() {
		assertThat(PreviewKind.of("drawing.svg")).isEqualTo(PreviewKind.TEXT);
		assertThat(PreviewKind.of("plot.PNG")).isEqualTo(PreviewKind.IMAGE);
		assertThat(PreviewKind.of("data.h5")).isEqualTo(PreviewKind.NONE);
	}

}
