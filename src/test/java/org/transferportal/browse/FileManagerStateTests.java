package org.transferportal.browse;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file manager's address: both panes survive every link, and any name survives
 * encoding.
 */
class FileManagerStateTests {

	static final String LAB = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	@Test
	void aFolderLinkKeepsTheOtherPaneAndResetsPagingAndFilter() {
		FileManagerState state = parse("/files?a_collection=" + LAB + "&a_path=/p/&a_offset=200&a_filter=x"
				+ "&b_collection=" + LAB + "&b_path=/q/");
		FileManagerState next = parse(state.folder("a", "/p/sub/"));
		assertThat(next.left().path()).isEqualTo("/p/sub/");
		assertThat(next.left().offset()).isZero();
		assertThat(next.left().filter()).isEmpty();
		assertThat(next.right()).isEqualTo(state.right());
	}

	@Test
	void pathsWithPlusSpaceAmpersandAndHashRoundTrip() {
		FileManagerState state = parse("/files?a_collection=" + LAB);
		String path = "/odd names/a+b & c #1?/";
		assertThat(parse(state.folder("a", path)).left().path()).isEqualTo(path);
	}

	@Test
	void sortingTheSameFieldAgainReversesIt() {
		FileManagerState state = parse("/files?a_collection=" + LAB);
		FileManagerState bySize = parse(state.sort("a", "size"));
		assertThat(bySize.left().sort()).isEqualTo("size");
		assertThat(bySize.left().descending()).isFalse();
		assertThat(parse(bySize.sort("a", "size")).left().descending()).isTrue();
		assertThat(bySize.left().listingQuery().orderBy()).isEqualTo("type ASC,size ASC,name ASC");
	}

	@Test
	void theNameFilterBecomesAGlobusFilterWithoutClauseSeparators() {
		PaneState pane = new PaneState(LAB, "/p/", 0, "a/b,c", "name", false, false, "", "");
		assertThat(pane.listingQuery().filters()).containsExactly("name:~*abc*");
		assertThat(pane.listingQuery().showHidden()).isFalse();
		assertThat(pane.listingQuery().limit()).isEqualTo(PaneState.PAGE_SIZE);
	}

	@Test
	void keepLeavesOutTheFieldsAFormEdits() {
		FileManagerState state = parse("/files?a_collection=" + LAB + "&a_path=/p/&a_filter=x&b_collection=" + LAB);
		assertThat(state.keep("a", "filter", "hidden", "offset")).extracting(FileManagerState.Field::name)
			.containsExactly("a_collection", "a_path", "b_collection");
	}

	private static FileManagerState parse(String url) {
		var params = new LinkedMultiValueMap<String, String>();
		UriComponentsBuilder.fromUriString(url)
			.build()
			.getQueryParams()
			.forEach((name, values) -> values.forEach((value) -> params.add(name,
					java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8))));
		return FileManagerState.from(params);
	}

}
