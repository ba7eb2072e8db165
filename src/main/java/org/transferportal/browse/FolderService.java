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
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.GlobusTimes;
import org.transferportal.globus.ListingQuery;
import org.transferportal.globus.TransferClient;
import org.transferportal.lab.LabProperties;
import org.transferportal.support.PreviewKind;
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

	private final LabProperties lab;

	FolderService(CurrentUser user, CollectionDirectory collections, ConsentRoundTrip consent, LabProperties lab) {
		this.user = user;
		this.collections = collections;
		this.consent = consent;
		this.lab = lab;
	}

	/** What opening a folder led to. */
	sealed interface Result {

		/** The folder's entries. */
		record Listed(Listing listing) implements Result {
		}

		/** Consent or a new login is needed and the user should decide: show a notice. */
		record NeedsConsent(Collection collection, WhatGlobusNeeds needs) implements Result {
		}

		/** The collection cannot be listed at all (a GCSv5 endpoint). */
		record NotBrowsable(Collection collection) implements Result {
		}

	}

	/**
	 * Opens a folder with the given sort, filters and page. Only reads: a collection that
	 * needs consent is a notice whose "Grant access" button (a post) starts the trip,
	 * even when the user consented before (Globus then approves it without asking).
	 */
	Result open(UUID collectionId, ListingQuery query) {
		TransferClient transfer = this.user.transfer();
		Collection collection = this.collections.describe(transfer, collectionId);
		if (!collection.browsable()) {
			return new Result.NotBrowsable(collection);
		}
		Set<UUID> missing = missingDataAccess(collection, collectionId);
		if (!missing.isEmpty()) {
			// Never a trip started by opening the page (a GET), even for a consent given
			// before: the notice's button (a POST) starts it, and Globus then approves it
			// without asking again.
			return new Result.NeedsConsent(collection,
					this.consent.consentedBefore(missing) ? WhatGlobusNeeds.consentGivenBefore(collection.name())
							: WhatGlobusNeeds.consent(collection.name()));
		}
		try {
			FileList list = transfer.list(collectionId.toString(), query);
			return new Result.Listed(listing(collection, list, query.offset(), query.limit(), https(collection)));
		}
		catch (AuthorizationRequiredException ex) {
			return new Result.NeedsConsent(collection, WhatGlobusNeeds.of(ex.parameters(), collection.name()));
		}
	}

	/**
	 * Starts the trip the "Grant access" button asks for, with what Globus itself
	 * requires if it says more than the preflight knows. The collection's HTTPS scope
	 * comes along in the same trip when it has an HTTPS server, so that downloads and
	 * uploads there need no second trip.
	 */
	String grantAccess(UUID collectionId, String path, String returnPath) {
		TransferClient transfer = this.user.transfer();
		Collection collection = this.collections.describe(transfer, collectionId);
		Set<UUID> missing = missingDataAccess(collection, collectionId);
		Set<UUID> https = offersHttps(collection) ? this.consent.missingHttps(List.of(collectionId)) : Set.of();
		if (!missing.isEmpty()) {
			return this.consent.startForCollections(ConsentRoundTrip.RETURN_KIND, returnPath, missing, https, false);
		}
		try {
			transfer.list(collectionId.toString(), new ListingQuery(path, true, null, List.of(), 1, 0, null));
			return returnPath;
		}
		catch (AuthorizationRequiredException ex) {
			List<String> httpsScopes = https.stream().map(GlobusScopes::https).toList();
			return this.consent.start(ConsentRoundTrip.RETURN_KIND, returnPath,
					ex.parameters().withMoreScopes(httpsScopes));
		}
	}

	/** Whether the portal offers the collection's HTTPS server to the lab's members. */
	private boolean offersHttps(Collection collection) {
		return collection.httpsServer() != null && !collection.httpsServer().isBlank()
				&& (this.lab.downloads() || this.lab.uploads());
	}

	private Listing.Https https(Collection collection) {
		if (!offersHttps(collection)) {
			return Listing.Https.NONE;
		}
		UUID id = UUID.fromString(collection.id());
		boolean granted = this.consent.missingHttps(List.of(id)).isEmpty();
		return new Listing.Https(this.lab.downloads(), this.lab.uploads(), granted);
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

	private static Listing listing(Collection collection, FileList list, int offset, int pageSize,
			Listing.Https https) {
		String folder = (list.path() != null && !list.path().isEmpty()) ? list.path() : "/";
		String base = folder.endsWith("/") ? folder : folder + "/";
		List<Listing.Entry> entries = list.data().stream().map((entry) -> entry(base, entry)).toList();
		int total = (list.total() != null) ? list.total() : offset + entries.size();
		return new Listing(collection.id(), collection.name(), base, entries, offset, total, pageSize, https);
	}

	private static Listing.Entry entry(String base, FileEntry file) {
		boolean directory = file.isDirectory();
		String path = base + file.name() + (directory ? "/" : "");
		String size = (directory || file.size() == null) ? "" : Sizes.human(file.size());
		return new Listing.Entry(file.name(), directory, path, size, GlobusTimes.parse(file.lastModified()),
				!directory && PreviewKind.of(file.name()).previewable());
	}

}
