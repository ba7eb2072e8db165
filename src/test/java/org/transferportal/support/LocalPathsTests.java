package org.transferportal.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/tasks/abc", "/browse?collection=x&path=%2F~%2F", "/transfer/drafts/1?consent=x" })
	void pathsOnThisPortalAreLocal(String path) {
		assertThat(LocalPaths.isLocal(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "//evil.example", "/\\evil.example", "https://evil.example/", "evil.example",
			"/ok\r\nLocation: https://evil.example", "/ok\\..\\x", "javascript:alert(1)", " /leading-space" })
	void anythingThatCouldLeaveThePortalIsNot(String path) {
		assertThat(LocalPaths.isLocal(path)).isFalse();
		assertThat(LocalPaths.orElse(path, "/")).isEqualTo("/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/files", "/files?a_collection=x&a_path=/p/" })
	void theSamePageWithAnyQueryIsKept(String back) {
		assertThat(LocalPaths.onPage(back, "/files")).isEqualTo(back);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/filesystem", "/files/../tasks", "/tasks", "//evil.example/files", "/files?\\x",
			"/files?x\r\nLocation: https://evil.example", "https://evil.example/files" })
	void anythingElseGoesBackToThePageItself(String back) {
		assertThat(LocalPaths.onPage(back, "/files")).isEqualTo("/files");
		assertThat(LocalPaths.onPage(null, "/files")).isEqualTo("/files");
	}

}
