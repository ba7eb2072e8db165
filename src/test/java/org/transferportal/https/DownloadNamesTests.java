package org.transferportal.https;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Download file names: any name gives a header a browser reads back as that name, and
 * nothing in it can end the header or the quoted name.
 */
class DownloadNamesTests {

	@Test
	void aPlainNameIsSentBothWays() {
		assertThat(DownloadNames.attachment("run1.csv"))
			.isEqualTo("attachment; filename=\"run1.csv\"; filename*=UTF-8''run1.csv");
	}

	@Test
	void quotesBackslashesAndNonAsciiAreSafeInTheFallbackAndExactInFilenameStar() {
		String header = DownloadNames.attachment("\"quoted\" back\\slash données-α;x%20.txt");
		assertThat(header).startsWith("attachment; filename=\"_quoted_ back_slash donn_es-__x_20.txt\"; ");
		assertThat(header).endsWith("filename*=UTF-8''%22quoted%22%20back%5Cslash%20donn%C3%A9es-%CE%B1%3Bx%2520.txt");
	}

	@Test
	void controlCharactersNeverReachTheHeader() {
		String header = DownloadNames.attachment("evil\r\nSet-Cookie: x=1\u0000.txt");
		assertThat(header).doesNotContain("\r", "\n", "\u0000");
		assertThat(header).contains("filename=\"evil__Set-Cookie: x=1_.txt\"");
	}

}
