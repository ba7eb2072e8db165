package org.transferportal.browse;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.transferportal.collections.CollectionIds;
import org.transferportal.collections.CollectionPicker;
import org.transferportal.collections.CollectionPicker.Choice;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.support.GlobusPath;
import org.transferportal.support.SlowDownException;

/**
 * The two-pane file manager's page: each pane is a collection picker or a folder, opened
 * through {@link FolderService}, which handles consent.
 */
@Service
class FileManagerService {

	private final FolderService folders;

	private final CollectionPicker picker;

	FileManagerService(FolderService folders, CollectionPicker picker) {
		this.folders = folders;
		this.picker = picker;
	}

	/** The page, or a redirect when a pane needs a consent the user gave before. */
	sealed interface Result {

		/** Both panes. */
		record Page(PaneView left, PaneView right) implements Result {
		}

		/** Go straight to Globus for consent, then back to this page. */
		record Redirect(String path) implements Result {
		}

	}

	Result open(FileManagerState state) {
		String back = state.url();
		List<Choice> bookmarks = (state.left().collectionId() == null || state.right().collectionId() == null)
				? bookmarks() : List.of();
		Pane left = pane("a", state.left(), back, bookmarks);
		if (left.redirect() != null) {
			return new Result.Redirect(left.redirect());
		}
		Pane right = pane("b", state.right(), back, bookmarks);
		if (right.redirect() != null) {
			return new Result.Redirect(right.redirect());
		}
		return new Result.Page(left.view(), right.view());
	}

	/** One pane opened: what it shows, or where the whole page must go first. */
	private record Pane(PaneView view, String redirect) {

		static Pane of(PaneView view) {
			return new Pane(view, null);
		}

	}

	private Pane pane(String name, PaneState state, String back, List<Choice> bookmarks) {
		UUID id = state.collectionId();
		if (id == null) {
			String message = state.collection().isEmpty() ? null : CollectionIds.PROBLEM;
			List<Choice> results = List.of();
			try {
				results = this.picker.search(state.query(), state.scope());
			}
			catch (GlobusApiException ex) {
				message = "Globus could not search for collections just now: " + ex.getMessage();
			}
			catch (SlowDownException ex) {
				message = "Slow down: you have searched many times in the last minute. Search again in "
						+ Math.max(1, ex.waitFor().toSeconds()) + " seconds.";
			}
			return Pane.of(PaneView.picker(name, state, this.picker.labCollections(), bookmarks, results, message));
		}
		if (!state.pathValid()) {
			return Pane
				.of(PaneView.other(name, state, "problem", state.collection(), GlobusPath.problem(state.path()), null));
		}
		try {
			FolderService.Result result = this.folders.open(id, state.listingQuery(), back);
			if (result instanceof FolderService.Result.Redirect redirect) {
				return new Pane(null, redirect.path());
			}
			if (result instanceof FolderService.Result.Listed listed) {
				return Pane.of(PaneView.listed(name, state, listed.listing()));
			}
			if (result instanceof FolderService.Result.NeedsConsent needs) {
				return Pane.of(PaneView.needs(name, state, needs.collection().name(), needs.needs().message(),
						needs.needs().action()));
			}
			return Pane.of(PaneView.other(name, state, "not-browsable",
					((FolderService.Result.NotBrowsable) result).collection().name(),
					"This is a Globus Connect Server endpoint, not a collection: it holds no files itself. "
							+ "Choose one of its collections instead.",
					null));
		}
		catch (GlobusApiException ex) {
			return Pane.of(PaneView.other(name, state, "problem", state.collection(), ex.getMessage(), ex.requestId()));
		}
	}

	private List<Choice> bookmarks() {
		try {
			return this.picker.bookmarks();
		}
		catch (GlobusApiException ex) {
			// The picker still offers the lab's collections and search.
			return List.of();
		}
	}

}
