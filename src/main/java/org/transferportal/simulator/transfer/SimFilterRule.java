package org.transferportal.simulator.transfer;

import java.util.Map;
import java.util.regex.Pattern;

import org.transferportal.simulator.SimJson;

/**
 * One transfer {@code filter_rule}: first matching rule wins, no match includes.
 *
 * @param method include or exclude
 * @param name glob on the entry name
 * @param type file, dir, or null for both
 */
record SimFilterRule(String method, String name, String type) {

	boolean matches(String entryName, boolean dir) {
		boolean typeMatches = this.type == null || this.type.equals(dir ? "dir" : "file");
		return typeMatches && glob(this.name).matcher(entryName).matches();
	}

	Map<String, Object> json() {
		return SimJson.object("DATA_TYPE", "filter_rule", "method", this.method, "name", this.name, "type", this.type);
	}

	static boolean included(Iterable<SimFilterRule> rules, String entryName, boolean dir) {
		for (SimFilterRule rule : rules) {
			if (rule.matches(entryName, dir)) {
				return "include".equals(rule.method);
			}
		}
		return true;
	}

	/** Shell-style glob ({@code *}, {@code ?}, {@code [..]}) as a regular expression. */
	static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder();
		boolean inClass = false;
		for (char c : glob.toCharArray()) {
			if (inClass) {
				if (c == ']') {
					inClass = false;
					regex.append(']');
				}
				else {
					regex.append((c == '\\' || c == '[') ? "\\" + c : String.valueOf(c));
				}
				continue;
			}
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				case '[' -> {
					inClass = true;
					regex.append('[');
				}
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		if (inClass) {
			return Pattern.compile(Pattern.quote(glob));
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

}
