package org.transferportal.browse;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.auth.WhatGlobusNeeds;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.AuthorizationRequiredException;
import org.transferportal.globus.Collection;
import org.transferportal.globus.FileEntry;
import org.transferportal.globus.FileList;
import org.transferportal.globus.GlobusTimes;
import org.transferportal.globus.ListingQuery;
import org.transferportal.globus.TransferClient;
import org.transferportal.support.Sizes;

/**
 * A collection's folders: lists them, taking the user through consent when the collection
 * needs it, and makes or renames their entries.
 */
@Service
class FolderService {

	private final CurrentUser user;

	private final CollectionDirectory collections;

	private final ConsentRoundTrip consent;

	FolderService(CurrentUser user, CollectionDirectory collections, ConsentRoundTrip consent) {
		this.user = user;
		this.collections = collections;
		this.consent = consent;
	}

	/** What opening a folder led to. */
	sealed interface Result {

		/** The folder's entries. */
		record Listed(Listing listing) implements Result {
		}

		/** Consent is needed; the user consented before, so go straight to Globus. */
		record Redirect(String path) implements Result {
		}

		/** Consent or a new login is needed and the user should decide: show a notice. */
		record NeedsConsent(Collection collection, WhatGlobusNeeds needs) implements Result {
		}

		/** The collection cannot be listed at all (a GCSv5 endpoint). */
		record NotBrowsable(Collection collection) implements Result {
		}

	}

	/**
	 * Opens a folder with the given sort, filters and page. When the collection needs a
	 * consent the user gave before, the answer is to go straight to Globus (which
	 * approves it without asking) and come back to {@code returnPath}.
	 */
	Result open(UUID collectionId, ListingQuery query, String returnPath) {
		TransferClient transfer = this.user.transfer();
		Collection collection = this.collections.describe(transfer, collectionId);
		if (!collection.browsable()) {
			return new Result.NotBrowsable(collection);
		}
		Set<UUID> missing = missingDataAccess(collection, collectionId);
		if (!missing.isEmpty()) {
			if (this.consent.consentedBefore(missing)) {
				// Globus approves a consent given before without asking again.
				return new Result.Redirect(
						this.consent.startForDataAccess(ConsentRoundTrip.RETURN_KIND, returnPath, missing));
			}
			return new Result.NeedsConsent(collection, WhatGlobusNeeds.consent(collection.name()));
		}
		try {
			FileList list = transfer.list(collectionId.toString(), query);
			return new Result.Listed(listing(collection, list, query.offset(), query.limit()));
		}
		catch (AuthorizationRequiredException ex) {
			return new Result.NeedsConsent(collection, WhatGlobusNeeds.of(ex.parameters(), collection.name()));
		}
	}

	/**
	 * Starts the trip the "Grant access" button asks for, with what Globus itself
	 * requires if it says more than the preflight knows.
	 */
	String grantAccess(UUID collectionId, String path, String returnPath) {
		TransferClient transfer = this.user.transfer();
		Collection collection = this.collections.describe(transfer, collectionId);
		Set<UUID> missing = missingDataAccess(collection, collectionId);
		if (!missing.isEmpty()) {
			return this.consent.startForDataAccess(ConsentRoundTrip.RETURN_KIND, returnPath, missing);
		}
		try {
			transfer.list(collectionId.toString(), new ListingQuery(path, true, null, List.of(), 1, 0, null));
			return returnPath;
		}
		catch (AuthorizationRequiredException ex) {
			return this.consent.start(ConsentRoundTrip.RETURN_KIND, returnPath, ex.parameters());
		}
	}

	void makeFolder(UUID collectionId, String path) {
		this.user.transfer().mkdir(collectionId.toString(), path);
	}

	private Set<UUID> missingDataAccess(Collection collection, UUID collectionId) {
		return collection.requiresDataAccessScope() ? this.consent.missingDataAccess(List.of(collectionId)) : Set.of();
	}

	/** Renames a file or folder within its folder. */
	void rename(UUID collectionId, String oldPath, String newPath) {
		this.user.transfer().rename(collectionId.toString(), oldPath, newPath);
	}

	private static Listing listing(Collection collection, FileList list, int offset, int pageSize) {
		String folder = (list.path() != null && !list.path().isEmpty()) ? list.path() : "/";
		String base = folder.endsWith("/") ? folder : folder + "/";
		List<Listing.Entry> entries = list.data().stream().map((entry) -> entry(base, entry)).toList();
		int total = (list.total() != null) ? list.total() : offset + entries.size();
		return new Listing(collection.id(), collection.name(), base, entries, offset, total, pageSize);
	}

	private static Listing.Entry entry(String base, FileEntry file) {
		boolean directory = file.isDirectory();
		String path = base + file.name() + (directory ? "/" : "");
		String size = (directory || file.size() == null) ? "" : Sizes.human(file.size());
		return new Listing.Entry(file.name(), directory, path, size, GlobusTimes.parse(file.lastModified()));
	}

}
