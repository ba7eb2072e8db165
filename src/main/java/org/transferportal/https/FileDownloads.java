package org.transferportal.https;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Collection;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.HttpsAccessException;
import org.transferportal.globus.HttpsFile;
import org.transferportal.globus.HttpsStreamException;

/**
 * Downloads: the file's bytes stream from the collection's HTTPS server to the browser
 * through a fixed buffer, whatever the size, with the browser's {@code Range} (and
 * {@code If-Range}) passed on, so that a broken download resumes where it stopped. Each
 * download is recorded for the lab audit.
 */
@Service
class FileDownloads {

	private static final Log logger = LogFactory.getLog(FileDownloads.class);

	static final int BUFFER = 64 * 1024;

	private static final Pattern RANGE = Pattern.compile("bytes=\\d*-\\d*(\\s*,\\s*\\d*-\\d*)*");

	private final HttpsAccess access;

	private final FileAccessLog log;

	private final CurrentUser user;

	FileDownloads(HttpsAccess access, FileAccessLog log, CurrentUser user) {
		this.access = access;
		this.log = log;
		this.user = user;
	}

	/**
	 * Sends the file, or says what stands in the way (nothing is written then).
	 * @param range the browser's {@code Range}, or {@code null}
	 * @param ifRange the browser's {@code If-Range}, or {@code null}
	 * @throws DownloadBrokenException the server's side broke off after the answer had
	 * begun: the browser's connection must be closed so that it sees an incomplete file
	 */
	Outcome send(FileRef file, String range, String ifRange, HttpServletResponse response) {
		HttpsAccess.Result result = this.access.open(file.collection(), HttpsAccess.Use.READ);
		if (!(result instanceof HttpsAccess.Result.Ready ready)) {
			return Outcome.of(result, file);
		}
		String validRange = validRange(range);
		Instant start = this.log.now();
		Copy copy = new Copy();
		try {
			return ready.client()
				.read(file.path(), validRange, (validRange != null) ? validIfRange(ifRange) : null,
						(answer) -> stream(answer, file, response, copy));
		}
		catch (ClientGoneException ex) {
			record(start, file, copy, "interrupted", null);
			logger.debug("A browser went away during a download");
			return new Outcome.Done();
		}
		catch (HttpsStreamException ex) {
			record(start, file, copy, "failed", ex.getMessage());
			if (response.isCommitted()) {
				throw new DownloadBrokenException(ex.getMessage());
			}
			response.reset();
			return problem(ready.collection(), file, ex);
		}
		catch (HttpsAccessException | GlobusUnauthorizedException ex) {
			return refused(ready.collection(), file, ex);
		}
		catch (GlobusApiException ex) {
			record(start, file, copy, "failed", ex.getMessage());
			return problem(ready.collection(), file, ex);
		}
		catch (IOException ex) {
			// Only a failure to write to the browser escapes the copy as an IOException.
			record(start, file, copy, "interrupted", null);
			return new Outcome.Done();
		}
		finally {
			if (copy.file != null && copy.outcome != null) {
				record(start, file, copy, copy.outcome, null);
			}
		}
	}

	private Outcome stream(HttpsFile answer, FileRef file, HttpServletResponse response, Copy copy) throws IOException {
		copy.file = answer;
		if (answer.status() == 416) {
			response.setStatus(416);
			if (answer.contentRange() != null) {
				response.setHeader("Content-Range", answer.contentRange());
			}
			return new Outcome.Done();
		}
		response.setStatus(answer.status());
		response.setContentType(safeType(answer.contentType()));
		if (answer.contentLength() >= 0) {
			response.setContentLengthLong(answer.contentLength());
		}
		if (answer.contentRange() != null) {
			response.setHeader("Content-Range", answer.contentRange());
		}
		response.setHeader("Accept-Ranges", "bytes");
		if (answer.etag() != null) {
			response.setHeader("ETag", answer.etag());
		}
		if (answer.lastModified() != null) {
			response.setHeader("Last-Modified", answer.lastModified());
		}
		response.setHeader("Content-Disposition", DownloadNames.attachment(file.name()));
		response.setHeader("X-Content-Type-Options", "nosniff");
		copy(answer.body(), response.getOutputStream(), (n) -> copy.bytes += n);
		copy.outcome = (answer.status() == 206) ? "partial" : "complete";
		return new Outcome.Done();
	}

	/**
	 * Copies through one buffer. A failure to read is the server's
	 * ({@link HttpsStreamException}); a failure to write is the browser going away.
	 */
	static void copy(InputStream in, OutputStream out, LongConsumer progress) {
		byte[] buffer = new byte[BUFFER];
		while (true) {
			int n = readFrom(in, buffer);
			if (n < 0) {
				return;
			}
			try {
				out.write(buffer, 0, n);
			}
			catch (IOException ex) {
				throw new ClientGoneException(ex);
			}
			progress.accept(n);
		}
	}

	private static int readFrom(InputStream in, byte[] buffer) {
		try {
			return in.read(buffer);
		}
		catch (IOException ex) {
			throw new HttpsStreamException("Reading the file failed", null, ex);
		}
	}

	private Outcome refused(Collection collection, FileRef file, RuntimeException ex) {
		if (ex instanceof HttpsAccessException access && access.wantsLogin()) {
			return new Outcome.Consent(collection, file, HttpsAccess.Reason.LOGIN,
					"\u201c" + collection.name() + "\u201d wants you to log in again before it lets you have this "
							+ "file (its HTTPS server answered with a login page, not the file).");
		}
		if (ex instanceof HttpsAccessException access && !access.tokenRefused()) {
			return new Outcome.Problem(403, access.getMessage(), collection, file, false);
		}
		return new Outcome.Consent(collection, file, HttpsAccess.Reason.REFUSED, "\u201c" + collection.name()
				+ "\u201d no longer accepts the portal's HTTPS access for you. " + "Grant it again at Globus.");
	}

	private static Outcome problem(Collection collection, FileRef file, GlobusApiException ex) {
		int status = (ex.status() == 404) ? 404 : 502;
		return new Outcome.Problem(status, ex.getMessage(), collection, file, ex.status() != 404);
	}

	private void record(Instant start, FileRef file, Copy copy, String outcome, String detail) {
		if (copy.recorded) {
			return;
		}
		copy.recorded = true;
		Long size = (copy.file != null && copy.file.totalSize() >= 0) ? copy.file.totalSize() : null;
		this.log.record(start, this.user.subject(), this.user.username(), "download", file, copy.bytes, size, outcome,
				detail);
	}

	/**
	 * The server's content type, unless it is one a browser would run or render as a page
	 * (HTML, SVG, XML, script): a download is data, whatever it holds.
	 */
	static String safeType(String type) {
		if (type == null || type.isBlank() || type.length() > 200) {
			return "application/octet-stream";
		}
		String lower = type.toLowerCase(Locale.ROOT).strip();
		boolean active = lower.startsWith("text/html") || lower.contains("xml") || lower.contains("javascript")
				|| lower.contains("ecmascript") || !lower.matches("[a-z0-9.+-]+/[a-z0-9.+-]+(\\s*;.*)?");
		return active ? "application/octet-stream" : type.strip();
	}

	/** The browser's {@code Range} when it is one a server understands, else none. */
	static String validRange(String range) {
		return (range != null && range.length() <= 200 && RANGE.matcher(range.strip()).matches()) ? range.strip()
				: null;
	}

	/** The browser's {@code If-Range} (an ETag or a date) when it is printable text. */
	static String validIfRange(String ifRange) {
		return (ifRange != null && ifRange.length() <= 200 && ifRange.chars().allMatch((c) -> c >= 0x20 && c < 0x7f))
				? ifRange : null;
	}

	/** What one download has sent so far. */
	private static final class Copy {

		private HttpsFile file;

		private long bytes;

		private String outcome;

		private boolean recorded;

	}

	/** The browser went away while the file was being sent. */
	static final class ClientGoneException extends RuntimeException {

		ClientGoneException(IOException cause) {
			super("The browser closed the connection", cause, false, false);
		}

	}

}
