package org.transferportal.browse;

import java.util.List;

import org.transferportal.collections.CollectionPicker.Choice;

/**
 * What one pane of the file manager shows: the picker, a folder, a consent notice, or a
 * problem Globus reported (with its request id).
 *
 * @param name {@code a} or {@code b}
 * @param state the pane's state
 * @param kind {@code picker}, {@code listing}, {@code consent}, {@code not-browsable} or
 * {@code problem}
 * @param collectionName the chosen collection's name, if known
 * @param listing the folder's page, for {@code listing}
 * @param message the consent notice or the problem
 * @param action the words of the button that starts a trip to Globus, for {@code consent}
 * @param requestId Globus's request id of a problem
 * @param labCollections the lab's collections, for the picker
 * @param bookmarks the user's bookmarks, for the picker
 * @param results the search results, for the picker
 */
record PaneView(String name, PaneState state, String kind, String collectionName, Listing listing, String message,
		String action, String requestId, List<Choice> labCollections, List<Choice> bookmarks, List<Choice> results) {

	static PaneView picker(String name, PaneState state, List<Choice> lab, List<Choice> bookmarks, List<Choice> results,
			String message) {
		return new PaneView(name, state, "picker", null, null, message, null, null, lab, bookmarks, results);
	}

	static PaneView listed(String name, PaneState state, Listing listing) {
		return new PaneView(name, state, "listing", listing.collectionName(), listing, null, null, null, List.of(),
				List.of(), List.of());
	}

	static PaneView other(String name, PaneState state, String kind, String collectionName, String message,
			String requestId) {
		return new PaneView(name, state, kind, collectionName, null, message, null, requestId, List.of(), List.of(),
				List.of());
	}

	/** A pane that needs a consent or a new login first, with the button's words. */
	static PaneView needs(String name, PaneState state, String collectionName, String message, String action) {
		return new PaneView(name, state, "consent", collectionName, null, message, action, null, List.of(), List.of(),
				List.of());
	}

	/** The folder this pane shows, for transfers into it; {@code null} if none. */
	public String folder() {
		return (this.listing != null) ? this.listing.path() : null;
	}

	/** The label of this pane's heading. */
	public String title() {
		return "a".equals(this.name) ? "Left pane" : "Right pane";
	}

	public boolean showsListing() {
		return "listing".equals(this.kind);
	}

}
