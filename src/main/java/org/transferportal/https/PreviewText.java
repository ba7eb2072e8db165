package org.transferportal.https;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the first bytes of a file into what a preview shows: text, the rows of a CSV or
 * TSV table, or pretty JSON. Only text comes out; the page escapes it.
 */
final class PreviewText {

	/** The most rows and columns of a table shown. */
	static final int MAX_ROWS = 500;

	static final int MAX_COLUMNS = 100;

	/** The longest cell shown. */
	static final int MAX_CELL = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PreviewText() {
	}

	/** Whether the bytes look like a binary file rather than text (a NUL byte). */
	static boolean looksBinary(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The bytes as UTF-8 text, undecodable bytes replaced; a character cut at the end of
	 * a truncated read is left out.
	 */
	static String decode(byte[] bytes, boolean truncated) {
		int length = bytes.length;
		if (truncated) {
			// Step back over the bytes of a character the read cut in two.
			int back = 0;
			while (back < 3 && length - back - 1 >= 0 && (bytes[length - back - 1] & 0xC0) == 0x80) {
				back++;
			}
			if (length - back - 1 >= 0 && (bytes[length - back - 1] & 0xC0) == 0xC0) {
				length = length - back - 1;
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(bytes, 0, length))
				.toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return new String(bytes, 0, length, StandardCharsets.UTF_8);
		}
	}

	/**
	 * The rows of a CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside
	 * quotes) or TSV text; when the text was cut short, its last, partial row is left
	 * out.
	 */
	static List<List<String>> table(String text, char separator, boolean truncated) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		for (int i = 0; i < text.length() && rows.size() < MAX_ROWS; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					append(field, '"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					append(field, c);
				}
			}
			else if (c == '"' && !fieldStarted) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == separator) {
				addCell(row, field);
				fieldStarted = false;
			}
			else if (c == '\n') {
				addCell(row, field);
				rows.add(row);
				row = new ArrayList<>();
				fieldStarted = false;
			}
			else if (c != '\r') {
				append(field, c);
				fieldStarted = true;
			}
		}
		if (!truncated && (fieldStarted || !row.isEmpty()) && rows.size() < MAX_ROWS) {
			addCell(row, field);
			rows.add(row);
		}
		return rows;
	}

	private static void append(StringBuilder field, char c) {
		if (field.length() < MAX_CELL) {
			field.append(c);
		}
	}

	private static void addCell(List<String> row, StringBuilder field) {
		if (row.size() < MAX_COLUMNS) {
			row.add(field.toString());
		}
		field.setLength(0);
	}

	/** The JSON text indented, or {@code null} when it is not (complete) JSON. */
	static String prettyJson(String text) {
		try {
			JsonNode tree = JSON.readTree(text);
			return (tree != null) ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
