package org.transferportal.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch of transfer items in the Globus CLI's batch format: one
 * {@code SOURCE DEST [--recursive | --no-recursive]} per line, {@code #} comments, blank
 * lines, and shell-like quoting for paths with spaces.
 */
final class ManifestParser {

	/**
	 * One line's item, with paths as written (possibly relative); {@code recursive} is
	 * {@code null} unless the line says, as in the CLI, where Transfer then finds out.
	 */
	record Line(int number, String source, String destination, Boolean recursive) {
	}

	/** The items, or the problems with their line numbers. */
	record Result(List<Line> lines, List<String> errors) {
	}

	private ManifestParser() {
	}

	static Result parse(String manifest) {
		List<Line> lines = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		String[] rows = manifest.split("\r\n|\r|\n", -1);
		for (int i = 0; i < rows.length; i++) {
			int number = i + 1;
			try {
				List<String> words = words(rows[i]);
				if (words.isEmpty()) {
					continue;
				}
				Boolean recursive = null;
				List<String> paths = new ArrayList<>();
				for (String word : words) {
					boolean yes = word.equals("--recursive") || word.equals("-r");
					if (yes || word.equals("--no-recursive")) {
						if (recursive != null && recursive != yes) {
							throw new IllegalArgumentException("choose --recursive or --no-recursive, not both");
						}
						recursive = yes;
					}
					else if (word.startsWith("-") && word.length() > 1 && !word.startsWith("/")) {
						throw new IllegalArgumentException("unknown option '" + word + "'");
					}
					else {
						paths.add(word);
					}
				}
				if (paths.size() != 2) {
					throw new IllegalArgumentException("expected a source path and a destination path, found "
							+ paths.size() + " path" + ((paths.size() == 1) ? "" : "s"));
				}
				lines.add(new Line(number, paths.get(0), paths.get(1), recursive));
			}
			catch (IllegalArgumentException ex) {
				errors.add("Line " + number + ": " + ex.getMessage());
			}
		}
		if (lines.isEmpty() && errors.isEmpty()) {
			errors.add("The batch has no items");
		}
		return new Result(lines, errors);
	}

	/**
	 * Splits a line into words with single quotes, double quotes and backslash escapes.
	 */
	static List<String> words(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else if (c == '\\' && quote == '"' && i + 1 < line.length()
						&& (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
					word.append(line.charAt(++i));
				}
				else {
					word.append(c);
				}
			}
			else if (c == '#' && word == null) {
				break;
			}
			else if (Character.isWhitespace(c)) {
				if (word != null) {
					words.add(word.toString());
					word = null;
				}
			}
			else {
				if (word == null) {
					word = new StringBuilder();
				}
				if (c == '"' || c == '\'') {
					quote = c;
				}
				else if (c == '\\' && i + 1 < line.length()) {
					word.append(line.charAt(++i));
				}
				else {
					word.append(c);
				}
			}
		}
		if (quote != 0) {
			throw new IllegalArgumentException("unclosed quote");
		}
		if (word != null) {
			words.add(word.toString());
		}
		return words;
	}

}
