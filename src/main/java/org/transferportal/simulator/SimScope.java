package org.transferportal.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Globus scope with its dependent scopes, e.g.
 * {@code urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/X/data_access]}.
 *
 * @param name the scope string without prefix or dependents
 * @param optional whether it was marked {@code *} (atomically revocable)
 * @param dependencies its dependent scopes
 */
public record SimScope(String name, boolean optional, List<SimScope> dependencies) {

	public SimScope {
		dependencies = List.copyOf(dependencies);
	}

	public static SimScope of(String name) {
		return new SimScope(name, false, List.of());
	}

	/**
	 * Parses a space-separated list of scopes; spaces inside brackets separate
	 * dependents.
	 * @throws IllegalArgumentException when the string is not well-formed
	 */
	public static List<SimScope> parse(String text) {
		Parser parser = new Parser(text == null ? "" : text);
		List<SimScope> scopes = parser.list(false);
		if (parser.pos < parser.text.length()) {
			throw new IllegalArgumentException("Unexpected '" + parser.text.charAt(parser.pos) + "' in scope string");
		}
		return merge(scopes);
	}

	/**
	 * Merges scopes with the same name: dependents are unioned and required beats
	 * optional.
	 */
	public static List<SimScope> merge(List<SimScope> scopes) {
		Map<String, SimScope> merged = new LinkedHashMap<>();
		for (SimScope scope : scopes) {
			merged.merge(scope.name, scope, (a, b) -> {
				List<SimScope> deps = new ArrayList<>(a.dependencies);
				deps.addAll(b.dependencies);
				return new SimScope(a.name, a.optional && b.optional, merge(deps));
			});
		}
		return List.copyOf(merged.values());
	}

	public static String format(List<SimScope> scopes) {
		return scopes.stream().map(SimScope::toString).collect(Collectors.joining(" "));
	}

	public SimScope withDependencies(List<SimScope> deps) {
		return new SimScope(this.name, this.optional, deps);
	}

	@Override
	public String toString() {
		String prefix = this.optional ? "*" : "";
		if (this.dependencies.isEmpty()) {
			return prefix + this.name;
		}
		return prefix + this.name + "[" + format(this.dependencies) + "]";
	}

	private static final class Parser {

		private final String text;

		private int pos;

		Parser(String text) {
			this.text = text;
		}

		List<SimScope> list(boolean nested) {
			List<SimScope> scopes = new ArrayList<>();
			while (true) {
				skipSpaces();
				if (this.pos >= this.text.length()) {
					if (nested) {
						throw new IllegalArgumentException("Unclosed '[' in scope string");
					}
					return scopes;
				}
				char c = this.text.charAt(this.pos);
				if (c == ']') {
					if (!nested) {
						throw new IllegalArgumentException("Unexpected ']' in scope string");
					}
					return scopes;
				}
				scopes.add(scope());
			}
		}

		SimScope scope() {
			boolean optional = false;
			if (this.text.charAt(this.pos) == '*') {
				optional = true;
				this.pos++;
			}
			int start = this.pos;
			while (this.pos < this.text.length() && !isDelimiter(this.text.charAt(this.pos))) {
				this.pos++;
			}
			String name = this.text.substring(start, this.pos);
			if (name.isEmpty() || name.contains("*")) {
				throw new IllegalArgumentException("Malformed scope at position " + start);
			}
			List<SimScope> deps = List.of();
			if (this.pos < this.text.length() && this.text.charAt(this.pos) == '[') {
				this.pos++;
				deps = list(true);
				this.pos++; // the closing ']'
				if (deps.isEmpty()) {
					throw new IllegalArgumentException("Empty dependent scope list for " + name);
				}
			}
			return new SimScope(name, optional, deps);
		}

		private void skipSpaces() {
			while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}

		private static boolean isDelimiter(char c) {
			return Character.isWhitespace(c) || c == '[' || c == ']';
		}

	}

}
