package org.transferportal.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.transferportal.globus.CanonicalUuid;

/**
 * A history search as typed in its form (kept as typed, to show it again), and what it
 * asks for once read.
 *
 * @param q text in the label or in a path, any case
 * @param collection a lab collection's name, or a collection id, as source or destination
 * @param user part of a Globus username (admins only)
 * @param status a task status, or {@link #NOT_SEEN}
 * @param from first day of submission (UTC), as typed
 * @param to last day of submission (UTC), as typed
 * @param page the page, from 1
 */
record HistoryQuery(String q, String collection, String user, String status, String from, String to, int page) {

	/** The status filter for tasks whose status the portal has not seen yet. */
	static final String NOT_SEEN = "NOT_SEEN";

	/** The statuses one can filter by, with their names in the form. */
	static final Map<String, String> STATUSES = statuses();

	/** The longest search text. */
	static final int MAX_TEXT = 200;

	/** The deepest page (25 rows each). */
	static final int MAX_PAGE = 4000;

	HistoryQuery {
		q = trimmed(q);
		collection = trimmed(collection);
		user = trimmed(user);
		status = trimmed(status);
		from = trimmed(from);
		to = trimmed(to);
		page = Math.min(MAX_PAGE, Math.max(1, page));
	}

	/** What to search for, read against the lab's collections (names by id). */
	Read read(Map<String, String> labCollections) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.q.length() > MAX_TEXT) {
			errors.put("q", "Search for at most " + MAX_TEXT + " characters");
		}
		String collectionId = null;
		if (!this.collection.isEmpty()) {
			UUID id = CanonicalUuid.parse(this.collection);
			if (id != null) {
				collectionId = id.toString();
			}
			else {
				List<String> named = labCollections.entrySet()
					.stream()
					.filter((e) -> e.getValue().equalsIgnoreCase(this.collection))
					.map(Map.Entry::getKey)
					.toList();
				if (named.isEmpty()) {
					errors.put("collection", "No lab collection is called “" + this.collection
							+ "”: choose one from the list, or paste a collection id");
				}
				else {
					collectionId = named.get(0);
				}
			}
		}
		String wanted = this.status.toUpperCase(Locale.ROOT);
		if (!wanted.isEmpty() && !STATUSES.containsKey(wanted)) {
			errors.put("status", "Choose a status from the list");
		}
		LocalDate fromDay = UtcDays.parse(this.from, "from", errors);
		LocalDate toDay = UtcDays.parse(this.to, "to", errors);
		if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
			errors.put("from", "The first day must not be after the last day");
		}
		HistoryFilter filter = new HistoryFilter(this.q.isEmpty() ? null : this.q.toLowerCase(Locale.ROOT),
				collectionId, this.user.isEmpty() ? null : this.user.toLowerCase(Locale.ROOT),
				wanted.isEmpty() ? null : wanted, fromDay, toDay);
		return new Read(filter, Map.copyOf(errors));
	}

	/** Whether any filter is set (the page says "no transfers yet" otherwise). */
	public boolean filtered() {
		return !(this.q + this.collection + this.user + this.status + this.from + this.to).isEmpty();
	}

	/** The same search on another page. */
	HistoryQuery onPage(int page) {
		return new HistoryQuery(this.q, this.collection, this.user, this.status, this.from, this.to, page);
	}

	/**
	 * The search read: its filter, or messages by field when something cannot be read.
	 */
	record Read(HistoryFilter filter, Map<String, String> errors) {

		boolean valid() {
			return this.errors.isEmpty();
		}

	}

	private static String trimmed(String value) {
		return (value != null) ? value.strip() : "";
	}

	private static Map<String, String> statuses() {
		Map<String, String> statuses = new LinkedHashMap<>();
		statuses.put("SUCCEEDED", "succeeded");
		statuses.put("FAILED", "failed");
		statuses.put("ACTIVE", "active");
		statuses.put("INACTIVE", "inactive (stalled)");
		statuses.put(NOT_SEEN, "not seen yet");
		return java.util.Collections.unmodifiableMap(statuses);
	}

}
