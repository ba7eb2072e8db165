package org.transferportal.https;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionIds;
import org.transferportal.globus.AuthorizationRequiredException;
import org.transferportal.globus.Collection;
import org.transferportal.globus.CollectionHttpsClient;
import org.transferportal.globus.FileEntry;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.HttpsAccessException;
import org.transferportal.globus.TransferClient;
import org.transferportal.support.EntryName;
import org.transferportal.support.GlobusPath;
import org.transferportal.support.Sizes;

/**
 * Uploads: the browser's bytes stream through a fixed buffer to the collection's HTTPS
 * server under a hidden temporary name in the target folder, and only a complete upload
 * is renamed into place (with Transfer's rename, which refuses to overwrite). So an
 * interrupted upload never leaves a partial file under the real name: the temporary one
 * is deleted, and the user can simply try again. An existing file is replaced only when
 * the user confirmed it; it is moved aside first and put back if the rename fails.
 */
@Service
class FileUploads {

	private static final Log logger = LogFactory.getLog(FileUploads.class);

	/** Prefix of the hidden names an upload is written under until it is complete. */
	static final String TEMPORARY_PREFIX = ".portal-upload-";

	/** Prefix of the hidden names a replaced file waits under until the new one is in. */
	static final String REPLACED_PREFIX = ".portal-replaced-";

	private final HttpsAccess access;

	private final CurrentUser user;

	private final FileAccessLog log;

	private final HttpsProperties properties;

	FileUploads(HttpsAccess access, CurrentUser user, FileAccessLog log, HttpsProperties properties) {
		this.access = access;
		this.user = user;
		this.log = log;
		this.properties = properties;
	}

	/**
	 * One file to upload, as the page named it.
	 *
	 * @param collection collection id as given
	 * @param folder the folder to upload into, as given
	 * @param name the file's name
	 * @param overwrite whether the user confirmed replacing a file of that name
	 */
	record Request(String collection, String folder, String name, boolean overwrite) {

		UUID collectionId() {
			return CollectionIds.parse(this.collection.strip());
		}

		String folderPath() {
			String folder = this.folder.strip();
			return folder.endsWith("/") ? folder : folder + "/";
		}

		String path() {
			return folderPath() + this.name;
		}

	}

	/** What an upload (or its check) came to. */
	sealed interface Result {

		/** Saved under its name. */
		record Saved(String name, long bytes, boolean replaced) implements Result {
		}

		/** The check passed: the upload may go ahead. */
		record Ready(Collection collection) implements Result {
		}

		/** A file of that name exists and the user has not confirmed replacing it. */
		record Exists(String name) implements Result {
		}

		/** Globus must be asked first (a page or the script offers the trip). */
		record NeedsConsent(Collection collection, HttpsAccess.Reason reason, String message) implements Result {
		}

		/**
		 * It did not work, and nothing was saved under the name.
		 *
		 * @param status the HTTP status to answer with
		 */
		record Failed(int status, String message) implements Result {
		}

	}

	/** The checks before any byte is read: the input, the lab, consent and the name. */
	Result check(Request request, long length) {
		String problem = problem(request, length);
		if (problem != null) {
			return new Result.Failed((length > this.properties.maxUploadSize().toBytes()) ? 413 : 400, problem);
		}
		HttpsAccess.Result result = this.access.open(request.collectionId(), HttpsAccess.Use.WRITE);
		if (result instanceof HttpsAccess.Result.NeedsConsent needs) {
			return new Result.NeedsConsent(needs.collection(), HttpsAccess.Reason.MISSING,
					"Globus needs your consent before the portal can upload to \u201c" + needs.collection().name()
							+ "\u201d.");
		}
		if (result instanceof HttpsAccess.Result.Refused refused) {
			return new Result.Failed(refused.status(), refused.message());
		}
		Collection collection = ((HttpsAccess.Result.Ready) result).collection();
		try {
			FileEntry existing = stat(request);
			if (existing != null && existing.isDirectory()) {
				return new Result.Failed(409,
						"A folder named \u201c" + request.name() + "\u201d is already there; choose another name.");
			}
			if (existing != null && !request.overwrite()) {
				return new Result.Exists(request.name());
			}
		}
		catch (AuthorizationRequiredException ex) {
			return new Result.NeedsConsent(collection, HttpsAccess.Reason.MISSING, ex.getMessage());
		}
		catch (GlobusApiException ex) {
			return new Result.Failed(502, "Globus could not look into the folder: " + ex.getMessage());
		}
		return new Result.Ready(collection);
	}

	/**
	 * Uploads the file whose {@code length} bytes the stream holds, after the checks.
	 */
	Result upload(Request request, InputStream body, long length) {
		Result checked = check(request, length);
		if (!(checked instanceof Result.Ready ready)) {
			return checked;
		}
		UUID id = request.collectionId();
		FileRef file = new FileRef(id, request.path());
		CollectionHttpsClient client = this.user.https(id, ready.collection().httpsServer());
		String temporary = request.folderPath() + TEMPORARY_PREFIX + UUID.randomUUID() + ".part";
		Instant start = this.log.now();
		long[] sent = { 0 };
		try {
			client.write(temporary, length, (upstream) -> {
				byte[] buffer = new byte[FileDownloads.BUFFER];
				while (sent[0] < length) {
					int n = body.read(buffer, 0, (int) Math.min(buffer.length, length - sent[0]));
					if (n < 0) {
						throw new EOFException("The upload ended early");
					}
					upstream.write(buffer, 0, n);
					sent[0] += n;
				}
				// More bytes than the size said: the file is not what the browser meant.
				if (body.read() >= 0) {
					throw new IOException("The upload had more bytes than its size");
				}
			});
		}
		catch (IOException ex) {
			remove(client, temporary);
			record(start, file, sent[0], length, "interrupted", "The connection from the browser broke");
			return new Result.Failed(400,
					"The upload of \u201c" + request.name() + "\u201d stopped after " + Sizes.human(sent[0]) + " of "
							+ Sizes.human(length)
							+ " because the connection from your browser broke. Nothing was saved under that name; "
							+ "try again.");
		}
		catch (HttpsAccessException | GlobusUnauthorizedException ex) {
			remove(client, temporary);
			record(start, file, sent[0], length, "failed", ex.getMessage());
			return refused(ready.collection(), ex);
		}
		catch (GlobusApiException ex) {
			remove(client, temporary);
			record(start, file, sent[0], length, "failed", ex.getMessage());
			return new Result.Failed(502, "The collection did not take \u201c" + request.name() + "\u201d: "
					+ ex.getMessage() + ". Nothing was saved under that name; try again.");
		}
		return intoPlace(request, client, temporary, file, start, length);
	}

	/** Renames the complete upload to its name, replacing the old file if confirmed. */
	private Result intoPlace(Request request, CollectionHttpsClient client, String temporary, FileRef file,
			Instant start, long length) {
		TransferClient transfer = this.user.transfer();
		String collection = request.collectionId().toString();
		String aside = null;
		try {
			if (request.overwrite() && stat(request) != null) {
				aside = request.folderPath() + REPLACED_PREFIX + UUID.randomUUID();
				transfer.rename(collection, request.path(), aside);
			}
			transfer.rename(collection, temporary, request.path());
		}
		catch (GlobusApiException ex) {
			if (aside != null) {
				putBack(transfer, collection, aside, request.path());
			}
			remove(client, temporary);
			record(start, file, length, length, "failed", ex.getMessage());
			String why = ex.hasCode("ExternalError.RenameFailed.Exists") || ex.getMessage().contains("exists")
					? "a file of that name appeared meanwhile" : ex.getMessage();
			return new Result.Failed(502, "The upload of \u201c" + request.name() + "\u201d could not be put in "
					+ "place (" + why + "). Nothing was saved under that name; try again.");
		}
		if (aside != null) {
			remove(client, aside);
		}
		record(start, file, length, length, "complete", null);
		return new Result.Saved(request.name(), length, aside != null);
	}

	private void putBack(TransferClient transfer, String collection, String aside, String path) {
		try {
			transfer.rename(collection, aside, path);
		}
		catch (GlobusApiException ex) {
			logger.warn("Could not put a replaced file back after a failed upload; it is kept as " + aside);
		}
	}

	private FileEntry stat(Request request) {
		try {
			return this.user.transfer().stat(request.collectionId().toString(), request.path());
		}
		catch (GlobusApiException ex) {
			if (ex.status() == 404) {
				return null;
			}
			throw ex;
		}
	}

	/** Deletes a temporary file; one left behind is hidden and named as unfinished. */
	private static void remove(CollectionHttpsClient client, String path) {
		try {
			client.delete(path);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete the temporary file of an upload (" + ex.getMessage() + ")");
		}
	}

	private static Result refused(Collection collection, RuntimeException ex) {
		if (ex instanceof HttpsAccessException access && access.wantsLogin()) {
			return new Result.NeedsConsent(collection, HttpsAccess.Reason.LOGIN, "\u201c" + collection.name()
					+ "\u201d wants you to log in again before it takes uploads. Nothing was saved.");
		}
		if (ex instanceof HttpsAccessException access && !access.tokenRefused()) {
			return new Result.Failed(403, access.getMessage() + ". Nothing was saved.");
		}
		return new Result.NeedsConsent(collection, HttpsAccess.Reason.REFUSED, "\u201c" + collection.name()
				+ "\u201d no longer accepts the portal's HTTPS access for you. Grant it again, then upload again.");
	}

	private void record(Instant start, FileRef file, long bytes, long size, String outcome, String detail) {
		this.log.record(start, this.user.subject(), this.user.username(), "upload", file, bytes, size, outcome, detail);
	}

	/** Why the request cannot be an upload, or {@code null}. */
	String problem(Request request, long length) {
		if (request.collectionId() == null) {
			return CollectionIds.PROBLEM;
		}
		String folderProblem = GlobusPath.problem(request.folderPath());
		if (folderProblem != null) {
			return folderProblem;
		}
		String nameProblem = EntryName.problem(request.name());
		if (nameProblem != null) {
			return ("Enter a name".equals(nameProblem) ? "Choose a file to upload"
					: nameProblem + " (the file \u201c" + request.name() + "\u201d)");
		}
		if (request.name().startsWith(TEMPORARY_PREFIX) || request.name().startsWith(REPLACED_PREFIX)) {
			return "Names starting with " + TEMPORARY_PREFIX + " or " + REPLACED_PREFIX
					+ " are kept for uploads in progress; rename the file first";
		}
		String pathProblem = GlobusPath.problem(request.path());
		if (pathProblem != null) {
			return pathProblem;
		}
		if (length < 0) {
			return "Your browser did not say how large the file is; try another browser";
		}
		DataSize max = this.properties.maxUploadSize();
		if (length > max.toBytes()) {
			return "\u201c" + request.name() + "\u201d is " + Sizes.human(length) + ", more than the "
					+ Sizes.human(max.toBytes()) + " the portal uploads; transfer it with Globus instead";
		}
		return null;
	}

}
