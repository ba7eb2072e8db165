package org.transferportal.collections;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Bookmark;
import org.transferportal.globus.TransferClient;

/**
 * The user's Transfer bookmarks (the same ones the Globus web app shows). Every call goes
 * to Globus with the user's own token, so an id from someone else's list reaches nothing;
 * names are checked with {@link BookmarkName} by the callers, which show the problem.
 */
@Service
public class BookmarkService {

	private final CurrentUser user;

	private final CollectionPicker picker;

	BookmarkService(CurrentUser user, CollectionPicker picker) {
		this.user = user;
		this.picker = picker;
	}

	List<Bookmark> all() {
		return transfer().bookmarks();
	}

	/** The user's bookmark with this id (Globus ids are UUIDs; any case). */
	Optional<Bookmark> find(UUID id) {
		return all().stream().filter((b) -> id.toString().equalsIgnoreCase(b.id())).findFirst();
	}

	void rename(UUID id, String name) {
		transfer().renameBookmark(id.toString(), BookmarkName.clean(name));
		this.picker.forgetLists();
	}

	void delete(UUID id) {
		transfer().deleteBookmark(id.toString());
		this.picker.forgetLists();
	}

	/** Saves a folder as a bookmark, where the Globus web app sees it too. */
	public Bookmark add(String name, UUID collection, String path) {
		Bookmark bookmark = transfer().createBookmark(BookmarkName.clean(name), collection.toString(), path);
		this.picker.forgetLists();
		return bookmark;
	}

	private TransferClient transfer() {
		return this.user.transfer();
	}

}
