package org.transferportal.https;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download, for any file name (RFC 6266): an ASCII
 * {@code filename} for old clients, with quotes, backslashes, control and non-ASCII
 * characters replaced, and the exact name in UTF-8 as {@code filename*} (RFC 8187), which
 * every current browser prefers.
 */
final class DownloadNames {

	/** The longest fallback name sent; browsers cut file names much shorter anyway. */
	private static final int MAX_FALLBACK = 200;

	private DownloadNames() {
	}

	static String attachment(String name) {
		return "attachment; filename=\"" + fallback(name) + "\"; filename*=UTF-8''" + encode(clean(name));
	}

	/** The name without control characters (which no file name needs in a browser). */
	private static String clean(String name) {
		StringBuilder clean = new StringBuilder(name.length());
		name.codePoints().forEach((c) -> clean.appendCodePoint(Character.isISOControl(c) ? '_' : c));
		String result = clean.toString().strip();
		return result.isEmpty() ? "download" : result;
	}

	/** Printable ASCII only, without the characters a quoted string must escape. */
	static String fallback(String name) {
		StringBuilder ascii = new StringBuilder();
		clean(name).codePoints().forEach((c) -> {
			boolean plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' && c != ';';
			ascii.append(plain ? (char) c : '_');
		});
		String result = ascii.toString();
		return (result.length() > MAX_FALLBACK) ? result.substring(0, MAX_FALLBACK) : result;
	}

	/**
	 * RFC 8187 {@code attr-char}s as they are, every other UTF-8 byte percent-encoded.
	 */
	static String encode(String name) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0;
			if (attrChar) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
			}
		}
		return encoded.toString();
	}

}
