package org.transferportal.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionNames;
import org.transferportal.globus.CanonicalUuid;
import org.transferportal.lab.LabAccess;
import org.transferportal.lab.LabProperties;
import org.transferportal.transfer.PreparedTransfers;

/**
 * The lab history: search the transfers submitted through the portal (admins everyone's,
 * members their own) and run one of one's own again.
 */
@Service
class LabHistory {

	static final int PAGE_SIZE = 25;

	/** Most usernames offered in the admins' user field. */
	private static final int KNOWN_USERS = 500;

	private final HistorySearch search;

	private final UsageFigures figures;

	private final PreparedTransfers transfers;

	private final CurrentUser currentUser;

	private final LabAccess access;

	private final LabProperties lab;

	private final CollectionNames names;

	LabHistory(HistorySearch search, UsageFigures figures, PreparedTransfers transfers, CurrentUser currentUser,
			LabAccess access, LabProperties lab, CollectionNames names) {
		this.search = search;
		this.figures = figures;
		this.transfers = transfers;
		this.currentUser = currentUser;
		this.access = access;
		this.lab = lab;
		this.names = names;
	}

	/** A page of results, newest first, or the form's errors. */
	Page search(HistoryQuery query) {
		boolean everyone = seesEveryone();
		HistoryQuery.Read read = query.read(this.lab.collectionNames());
		if (!read.valid()) {
			return new Page(List.of(), false, read.errors());
		}
		// A member's user field is not shown, and could only narrow their own rows.
		HistoryFilter filter = everyone ? read.filter() : new HistoryFilter(read.filter().text(),
				read.filter().collection(), null, read.filter().status(), read.filter().from(), read.filter().to());
		String viewer = this.currentUser.subject();
		List<HistorySearch.Row> rows = this.search.find(filter, everyone ? null : viewer, PAGE_SIZE + 1,
				(query.page() - 1) * PAGE_SIZE);
		List<HistorySearch.Row> shown = rows.subList(0, Math.min(PAGE_SIZE, rows.size()));
		Map<String, HistorySearch.Items> items = this.search.items(shown.stream().map(HistorySearch.Row::id).toList(),
				filter.text());
		Map<String, String> names = this.names.of(shown.stream()
			.flatMap((row) -> java.util.stream.Stream.of(row.sourceCollection(), row.destinationCollection()))
			.toList());
		return new Page(shown.stream().map((row) -> HistoryEntry.of(row, items.get(row.id()), names, viewer)).toList(),
				rows.size() > PAGE_SIZE, Map.of());
	}

	/**
	 * Opens a new transfer form prefilled with one of the user's own past transfers: the
	 * local path of its page, or empty when the id is not one of theirs.
	 */
	Optional<String> again(String requestId) {
		if (CanonicalUuid.parse(requestId) == null) {
			return Optional.empty();
		}
		return this.transfers.again(CanonicalUuid.parse(requestId).toString());
	}

	boolean seesEveryone() {
		return this.access.isAdmin(this.currentUser.username());
	}

	/** Usernames that have moved something, for the admins' user field. */
	List<String> knownUsers() {
		return seesEveryone() ? this.figures.usernames(KNOWN_USERS) : List.of();
	}

	Map<String, String> labCollections() {
		return this.lab.collectionNames();
	}

	/**
	 * A page of the history; {@code errors} by field when the search could not be read.
	 */
	record Page(List<HistoryEntry> entries, boolean hasNext, Map<String, String> errors) {
	}

}
