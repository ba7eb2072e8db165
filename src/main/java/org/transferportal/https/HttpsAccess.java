package org.transferportal.https;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.Collection;
import org.transferportal.globus.CollectionHttpsClient;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.lab.LabProperties;

/**
 * Whether the user may reach a collection's HTTPS server now: the lab allows it, the
 * collection has one, and the portal holds the user's token for it (and, to write, the
 * data_access consent Transfer needs to rename the upload into place). When consent is
 * missing, one trip asks for all of it.
 */
@Service
class HttpsAccess {

	private final CurrentUser user;

	private final CollectionDirectory collections;

	private final ConsentRoundTrip consent;

	private final LabProperties lab;

	private final HttpsProperties properties;

	HttpsAccess(CurrentUser user, CollectionDirectory collections, ConsentRoundTrip consent, LabProperties lab,
			HttpsProperties properties) {
		this.user = user;
		this.collections = collections;
		this.consent = consent;
		this.lab = lab;
		this.properties = properties;
	}

	/** What a file access needs. */
	enum Use {

		/** A download or preview: the HTTPS token. */
		READ,
		/** An upload: the HTTPS token, and Transfer (data_access) for the rename. */
		WRITE

	}

	/** Whether the access can go ahead. */
	sealed interface Result {

		/** It can: the collection, and its HTTPS server as the user. */
		record Ready(Collection collection, CollectionHttpsClient client) implements Result {
		}

		/** Globus must be asked first; the user decides (a button starts the trip). */
		record NeedsConsent(Collection collection) implements Result {
		}

		/** It cannot, for a reason to show (with an HTTP status for the page). */
		record Refused(int status, String message, Collection collection) implements Result {
		}

	}

	Result open(UUID id, Use use) {
		if (use == Use.READ && !this.lab.downloads()) {
			return new Result.Refused(403, "Downloads and previews through the portal are turned off for this lab. "
					+ "Transfer the file with Globus instead.", null);
		}
		if (use == Use.WRITE && !this.lab.uploads()) {
			return new Result.Refused(403, "Uploads through the portal are turned off for this lab. "
					+ "Transfer the file with Globus instead.", null);
		}
		Collection collection;
		try {
			collection = this.collections.describe(this.user.transfer(), id);
		}
		catch (GlobusApiException ex) {
			return new Result.Refused((ex.status() == 404) ? 404 : 403,
					"Globus does not let you use this collection: " + ex.getMessage(), null);
		}
		String server = collection.httpsServer();
		if (server == null || server.isBlank()) {
			return new Result.Refused(409, "\u201c" + collection.name() + "\u201d has no HTTPS access, so its files "
					+ "cannot go through the browser. Transfer them with Globus instead.", collection);
		}
		if (!acceptable(server)) {
			return new Result.Refused(502, "The HTTPS address Globus gives for \u201c" + collection.name()
					+ "\u201d is not one the portal sends your access to (it must be https:// with a host name).",
					collection);
		}
		boolean missing = !this.consent.missingHttps(List.of(id)).isEmpty() || (use == Use.WRITE
				&& collection.requiresDataAccessScope() && !this.consent.missingDataAccess(List.of(id)).isEmpty());
		if (missing) {
			return new Result.NeedsConsent(collection);
		}
		return new Result.Ready(collection, this.user.https(id, server));
	}

	/** Why a trip is needed. */
	enum Reason {

		/** The portal holds no token for the collection (or lacks data_access). */
		MISSING,
		/** The collection's server refused the token the portal holds. */
		REFUSED,
		/** The collection's server answered with a login page: it wants a new login. */
		LOGIN;

		static Reason of(String text) {
			for (Reason reason : values()) {
				if (reason.name().equalsIgnoreCase(text)) {
					return reason;
				}
			}
			return MISSING;
		}

	}

	/**
	 * Starts the one trip to Globus Auth that gives everything the collection needs: its
	 * HTTPS scope and, for a mapped collection, its data_access scope if missing; with a
	 * fresh login for a high-assurance collection or when its server asked for one.
	 * @return the local path that starts the trip
	 */
	String startTrip(UUID id, String target, Reason reason) {
		Collection collection = this.collections.describe(this.user.transfer(), id);
		Set<UUID> https = (reason != Reason.MISSING) ? Set.of(id) : this.consent.missingHttps(List.of(id));
		Set<UUID> dataAccess = collection.requiresDataAccessScope() ? this.consent.missingDataAccess(List.of(id))
				: Set.of();
		if (https.isEmpty() && dataAccess.isEmpty()) {
			https = Set.of(id);
		}
		boolean freshLogin = reason == Reason.LOGIN || Boolean.TRUE.equals(collection.highAssurance());
		return this.consent.startForCollections(ConsentRoundTrip.RETURN_KIND, target, dataAccess, https, freshLogin);
	}

	/** Whether the portal may send the user's token to this server address. */
	boolean acceptable(String server) {
		try {
			URI uri = URI.create(server);
			boolean secure = "https".equalsIgnoreCase(uri.getScheme())
					|| (this.properties.allowHttp() && "http".equalsIgnoreCase(uri.getScheme()));
			return secure && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
					&& uri.getRawFragment() == null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
