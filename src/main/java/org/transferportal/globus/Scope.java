package org.transferportal.globus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Globus scope with its dependent scopes, as Globus Auth writes them:
 * {@code ROOT[*DEP1 DEP2[NESTED]]}, where {@code *} marks an optional dependency.
 *
 * @param name the scope string of this node
 * @param optional whether this node is an optional ("atomically revocable") dependency
 * @param dependencies the dependent scopes, in order
 */
public record Scope(String name, boolean optional, List<Scope> dependencies) {

	public Scope {
		if (name == null || name.isEmpty()
				|| name.chars().anyMatch((c) -> Character.isWhitespace(c) || "[]*".indexOf(c) >= 0)) {
			throw new IllegalArgumentException("Not a scope name: '" + name + "'");
		}
		dependencies = List.copyOf(dependencies);
	}

	/** A scope without dependencies. */
	public static Scope of(String name) {
		return new Scope(name, false, List.of());
	}

	/** This scope with the given dependencies added (merged with those it has). */
	public Scope withDependencies(Collection<Scope> more) {
		List<Scope> all = new ArrayList<>(this.dependencies);
		all.addAll(more);
		return new Scope(this.name, this.optional, merge(all));
	}

	/**
	 * Parses a space-separated list of scopes with bracketed dependencies.
	 * @throws IllegalArgumentException if the brackets do not balance or a name is
	 * missing
	 */
	public static List<Scope> parse(String text) {
		ScopeParser parser = new ScopeParser(text == null ? "" : text);
		return parser.parseAll();
	}

	/**
	 * Merges scopes as Globus's SDK does: scopes with the same name become one, their
	 * dependencies are merged in turn, and a required scope beats an optional one.
	 */
	public static List<Scope> merge(Collection<Scope> scopes) {
		Map<String, List<Scope>> byName = new LinkedHashMap<>();
		for (Scope scope : scopes) {
			byName.computeIfAbsent(scope.name, (n) -> new ArrayList<>()).add(scope);
		}
		List<Scope> merged = new ArrayList<>();
		byName.forEach((name, same) -> {
			boolean optional = same.stream().allMatch(Scope::optional);
			List<Scope> deps = same.stream().flatMap((s) -> s.dependencies.stream()).toList();
			merged.add(new Scope(name, optional, merge(deps)));
		});
		return merged;
	}

	/** Writes scopes the way Globus Auth reads them in an authorization request. */
	public static String format(Collection<Scope> scopes) {
		return scopes.stream().map(Scope::toString).collect(Collectors.joining(" "));
	}

	/** Every scope name in this tree, this one first. */
	public List<String> names() {
		List<String> names = new ArrayList<>();
		names.add(this.name);
		this.dependencies.forEach((d) -> names.addAll(d.names()));
		return names;
	}

	@Override
	public String toString() {
		String self = (this.optional ? "*" : "") + this.name;
		if (this.dependencies.isEmpty()) {
			return self;
		}
		return self + "[" + format(this.dependencies) + "]";
	}

	/** A small recursive-descent parser over the scope grammar. */
	private static final class ScopeParser {

		private final String text;

		private int pos;

		ScopeParser(String text) {
			this.text = text;
		}

		List<Scope> parseAll() {
			List<Scope> scopes = parseList();
			skipSpace();
			if (this.pos < this.text.length()) {
				throw new IllegalArgumentException("Unbalanced ']' at position " + this.pos + " in scope string");
			}
			return scopes;
		}

		private List<Scope> parseList() {
			List<Scope> scopes = new ArrayList<>();
			while (true) {
				skipSpace();
				if (this.pos >= this.text.length() || this.text.charAt(this.pos) == ']') {
					return scopes;
				}
				scopes.add(parseScope());
			}
		}

		private Scope parseScope() {
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
			if (name.isEmpty()) {
				throw new IllegalArgumentException("Missing scope name at position " + start + " in scope string");
			}
			List<Scope> deps = List.of();
			if (this.pos < this.text.length() && this.text.charAt(this.pos) == '[') {
				this.pos++;
				deps = parseList();
				if (this.pos >= this.text.length()) {
					throw new IllegalArgumentException("Missing ']' in scope string");
				}
				this.pos++;
			}
			return new Scope(name, optional, deps);
		}

		private static boolean isDelimiter(char c) {
			return Character.isWhitespace(c) || c == '[' || c == ']' || c == '*';
		}

		private void skipSpace() {
			while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}

	}

}
