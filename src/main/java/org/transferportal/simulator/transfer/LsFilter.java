package org.transferportal.simulator.transfer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code filter} and {@code orderby} of {@code operation/endpoint/{id}/ls}.
 */
final class LsFilter {

	private LsFilter() {
	}

	static Predicate<SimFileEntry> parse(List<String> filters) {
		Predicate<SimFileEntry> result = (e) -> true;
		if (filters == null) {
			return result;
		}
		for (String filter : filters) {
			for (String clause : filter.split("/")) {
				if (!clause.isEmpty()) {
					result = result.and(clause(clause));
				}
			}
		}
		return result;
	}

	private static Predicate<SimFileEntry> clause(String clause) {
		int colon = clause.indexOf(':');
		if (colon < 0) {
			throw TransferError.badRequest("Invalid filter clause '" + clause + "'");
		}
		String key = clause.substring(0, colon);
		String value = clause.substring(colon + 1);
		return switch (key) {
			case "name" -> nameClause(value);
			case "type" -> {
				List<String> types = List.of(value.split(","));
				yield (e) -> types.contains(e.dir() ? "dir" : "file");
			}
			case "size" -> {
				long[] range = longRange(value);
				yield (e) -> e.size() >= range[0] && e.size() <= range[1];
			}
			case "last_modified" -> {
				String[] parts = value.split(",", -1);
				Instant from = parts[0].isBlank() ? Instant.MIN : Times.parse(parts[0]);
				Instant to = (parts.length < 2 || parts[1].isBlank()) ? Instant.MAX : Times.parse(parts[1]);
				yield (e) -> !e.modified().isBefore(from) && !e.modified().isAfter(to);
			}
			default -> throw TransferError.badRequest("Unsupported filter field '" + key + "'");
		};
	}

	private static Predicate<SimFileEntry> nameClause(String value) {
		if (value.startsWith("!~")) {
			Pattern glob = SimFilterRule.glob(value.substring(2));
			return (e) -> !glob.matcher(e.name()).matches();
		}
		if (value.startsWith("~")) {
			Pattern glob = SimFilterRule.glob(value.substring(1));
			return (e) -> glob.matcher(e.name()).matches();
		}
		if (value.startsWith("!=")) {
			List<String> names = List.of(value.substring(2).split(","));
			return (e) -> !names.contains(e.name());
		}
		String exact = value.startsWith("=") ? value.substring(1) : value;
		List<String> names = List.of(exact.split(","));
		return (e) -> names.contains(e.name());
	}

	private static long[] longRange(String value) {
		String[] parts = value.split(",", -1);
		try {
			long from = parts[0].isBlank() ? Long.MIN_VALUE : Long.parseLong(parts[0].trim());
			long to = (parts.length < 2 || parts[1].isBlank()) ? Long.MAX_VALUE : Long.parseLong(parts[1].trim());
			return new long[] { from, to };
		}
		catch (NumberFormatException ex) {
			throw TransferError.badRequest("Invalid size range '" + value + "'");
		}
	}

	/** Default order: folders first, then by name. */
	static Comparator<SimFileEntry> order(String orderby) {
		if (orderby == null || orderby.isBlank()) {
			return Comparator.comparing((SimFileEntry e) -> !e.dir()).thenComparing(SimFileEntry::name);
		}
		Comparator<SimFileEntry> result = null;
		for (String part : orderby.split(",")) {
			String[] words = part.trim().split("\\s+");
			Comparator<SimFileEntry> comparator = switch (words[0]) {
				case "name" -> Comparator.comparing(SimFileEntry::name);
				case "size" -> Comparator.comparingLong(SimFileEntry::size);
				case "last_modified" -> Comparator.comparing(SimFileEntry::modified);
				case "type" -> Comparator.comparing((SimFileEntry e) -> e.dir() ? "dir" : "file");
				case "user" -> Comparator.comparing(SimFileEntry::user);
				case "group" -> Comparator.comparing(SimFileEntry::group);
				case "permissions" -> Comparator.comparing(SimFileEntry::permissions);
				default -> throw TransferError.badRequest("Unsupported orderby field '" + words[0] + "'");
			};
			if (words.length > 1 && "DESC".equalsIgnoreCase(words[1])) {
				comparator = comparator.reversed();
			}
			result = (result == null) ? comparator : result.thenComparing(comparator);
		}
		return result;
	}

}
