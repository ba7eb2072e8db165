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

	/** The page: both panes. */
	record Page(PaneView left, PaneView right) {
	}

	/**
	 * Opens both panes. Only reads: a pane that needs consent shows a "Grant access"
	 * button (a post) rather than starting a trip to Globus Auth.
	 */
	Page open(FileManagerState state) {
		List<Choice> bookmarks = (state.left().collectionId() == null || state.right().collectionId() == null)
				? bookmarks() : List.of();
		return new Page(pane("a", state.left(), bookmarks), pane("b", state.right(), bookmarks));
	}

	private PaneView pane(String name, PaneState state, List<Choice> bookmarks) {
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
			return PaneView.picker(name, state, this.picker.labCollections(), bookmarks, results, message);
		}
		if (!state.pathValid()) {
			return PaneView.other(name, state, "problem", state.collection(), GlobusPath.problem(state.path()), null);
		}
		try {
			FolderService.Result result = this.folders.open(id, state.listingQuery());
			if (result instanceof FolderService.Result.Listed listed) {
				return PaneView.listed(name, state, listed.listing());
			}
			if (result instanceof FolderService.Result.NeedsConsent needs) {
				return PaneView.needs(name, state, needs.collection().name(), needs.needs().message(),
						needs.needs().action());
			}
			return PaneView.other(name, state, "not-browsable",
					((FolderService.Result.NotBrowsable) result).collection().name(),
					"This is a Globus Connect Server endpoint, not a collection: it holds no files itself. "
							+ "Choose one of its collections instead.",
					null);
		}
		catch (GlobusApiException ex) {
			return PaneView.other(name, state, "problem", state.collection(), ex.getMessage(), ex.requestId());
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
