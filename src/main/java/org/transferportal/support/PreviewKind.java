package org.transferportal.support;

import java.util.Locale;

/**
 * What a preview can show of a file, told by its name: text, a CSV or TSV table, JSON, an
 * image, or nothing. SVG counts as text: it can carry script, so it is never shown as an
 * image.
 */
public enum PreviewKind {

	TEXT, CSV, TSV, JSON, IMAGE, NONE;

	public static PreviewKind of(String name) {
		return switch (extension(name)) {
			case "txt", "text", "md", "log", "py", "r", "sh", "yaml", "yml", "ini", "cfg", "conf", "toml", "xml",
					"html", "htm", "svg", "c", "h", "java", "js", "css", "sql", "tex" ->
				TEXT;
			case "csv" -> CSV;
			case "tsv", "tab" -> TSV;
			case "json", "geojson" -> JSON;
			case "png", "jpg", "jpeg", "gif", "webp" -> IMAGE;
			default -> NONE;
		};
	}

	/** Whether there is anything to preview. */
	public boolean previewable() {
		return this != NONE;
	}

	/** The media type an image is shown as, whatever its server says. */
	public static String imageType(String name) {
		return switch (extension(name)) {
			case "png" -> "image/png";
			case "gif" -> "image/gif";
			case "webp" -> "image/webp";
			default -> "image/jpeg";
		};
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
