package org.transferportal.https;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.HttpsAccessException;
import org.transferportal.globus.HttpsFile;
import org.transferportal.support.PreviewKind;

/**
 * Previews: the first bytes of a text, CSV, TSV or JSON file as text, a table or pretty
 * JSON, and images whole up to a limit. What the collection sends is only ever shown in
 * the sandboxed preview frame (see {@link PreviewController}), never in the portal's own
 * pages.
 */
@Service
class FilePreviews {

	/**
	 * What the preview frame shows for a text kind, or a message.
	 *
	 * @param kind the kind of preview
	 * @param name the file's name
	 * @param text the text, or pretty JSON
	 * @param rows the table's rows
	 * @param truncated whether only the first bytes are shown
	 * @param shownBytes how many bytes were read
	 * @param message a message instead of the content (a problem), or {@code null}
	 */
	record Content(PreviewKind kind, String name, String text, List<List<String>> rows, boolean truncated,
			long shownBytes, String message) {

		static Content message(PreviewKind kind, String name, String message) {
			return new Content(kind, name, null, List.of(), false, 0, message);
		}

	}

	private final HttpsAccess access;

	private final FileAccessLog log;

	private final CurrentUser user;

	private final HttpsProperties properties;

	FilePreviews(HttpsAccess access, FileAccessLog log, CurrentUser user, HttpsProperties properties) {
		this.access = access;
		this.log = log;
		this.user = user;
		this.properties = properties;
	}

	/** Whether the preview page can be shown, or what stands in the way. */
	Outcome check(FileRef file) {
		if (PreviewKind.of(file.name()) == PreviewKind.NONE) {
			return new Outcome.Problem(415,
					"The portal previews text, CSV, TSV and JSON files and images; download " + "this file to open it.",
					null, file, false);
		}
		HttpsAccess.Result result = this.access.open(file.collection(), HttpsAccess.Use.READ);
		return (result instanceof HttpsAccess.Result.Ready) ? new Outcome.Done() : Outcome.of(result, file);
	}

	/**
	 * The frame's content: for text kinds, what to show; for an image, the image itself
	 * is sent on the response and {@code null} returned.
	 */
	Content content(FileRef file, HttpServletResponse response) {
		PreviewKind kind = PreviewKind.of(file.name());
		if (kind == PreviewKind.NONE) {
			return Content.message(kind, file.name(), "No preview for this kind of file.");
		}
		HttpsAccess.Result result = this.access.open(file.collection(), HttpsAccess.Use.READ);
		if (!(result instanceof HttpsAccess.Result.Ready ready)) {
			return Content.message(kind, file.name(), (result instanceof HttpsAccess.Result.Refused refused)
					? refused.message() : "Globus needs your consent first: open the preview again from the folder.");
		}
		Instant start = this.log.now();
		long[] read = { 0 };
		Long[] size = { null };
		try {
			Content content = (kind == PreviewKind.IMAGE) ? image(ready, file, response, read, size)
					: text(ready, file, kind, read, size);
			this.log.record(start, this.user.subject(), this.user.username(), "preview", file, read[0], size[0],
					(content != null && content.message() != null) ? "failed" : "complete",
					(content != null) ? content.message() : null);
			return content;
		}
		catch (HttpsAccessException | GlobusUnauthorizedException ex) {
			boolean login = ex instanceof HttpsAccessException access && access.wantsLogin();
			return Content.message(kind, file.name(),
					login ? "The collection wants you to log in again before it shows this file. Use Download to do so."
							: "The collection did not accept the portal's access for you: " + ex.getMessage());
		}
		catch (GlobusApiException ex) {
			this.log.record(start, this.user.subject(), this.user.username(), "preview", file, read[0], size[0],
					"failed", ex.getMessage());
			if (response.isCommitted()) {
				throw new DownloadBrokenException(ex.getMessage());
			}
			response.reset();
			return Content.message(kind, file.name(), ex.getMessage());
		}
		catch (IOException | FileDownloads.ClientGoneException ex) {
			// The browser went away; there is no one to show anything to.
			return null;
		}
	}

	private Content text(HttpsAccess.Result.Ready ready, FileRef file, PreviewKind kind, long[] read, Long[] size)
			throws IOException {
		int limit = (int) this.properties.previewSize().toBytes();
		return ready.client().read(file.path(), "bytes=0-" + (limit - 1), null, (answer) -> {
			size[0] = (answer.totalSize() >= 0) ? answer.totalSize() : null;
			if (answer.status() == 416) {
				// An empty file has no first byte to ask for.
				return render(kind, file.name(), new byte[0], false);
			}
			byte[] bytes = answer.body().readNBytes(limit);
			read[0] = bytes.length;
			boolean truncated = (size[0] != null) ? size[0] > bytes.length : answer.body().read() >= 0;
			return render(kind, file.name(), bytes, truncated);
		});
	}

	static Content render(PreviewKind kind, String name, byte[] bytes, boolean truncated) {
		if (PreviewText.looksBinary(bytes)) {
			return Content.message(kind, name, "This file does not look like text; download it instead.");
		}
		String text = PreviewText.decode(bytes, truncated);
		return switch (kind) {
			case CSV,
					TSV ->
				new Content(kind, name, null,
						PreviewText.table(text, (kind == PreviewKind.CSV) ? ',' : '\t', truncated), truncated,
						bytes.length, null);
			case JSON -> {
				String pretty = PreviewText.prettyJson(text);
				// Cut short, or not valid: shown as the text it is.
				yield new Content((pretty != null) ? PreviewKind.JSON : PreviewKind.TEXT, name,
						(pretty != null) ? pretty : text, List.of(), truncated, bytes.length, null);
			}
			default -> new Content(PreviewKind.TEXT, name, text, List.of(), truncated, bytes.length, null);
		};
	}

	private Content image(HttpsAccess.Result.Ready ready, FileRef file, HttpServletResponse response, long[] read,
			Long[] size) throws IOException {
		long limit = this.properties.previewImageSize().toBytes();
		return ready.client().read(file.path(), null, null, (HttpsFile answer) -> {
			size[0] = (answer.totalSize() >= 0) ? answer.totalSize() : null;
			if (answer.contentLength() > limit) {
				return Content.message(PreviewKind.IMAGE, file.name(), "This image is too large to preview ("
						+ this.properties.previewImageSize() + " at most); download it instead.");
			}
			response.setContentType(PreviewKind.imageType(file.name()));
			if (answer.contentLength() >= 0) {
				response.setContentLengthLong(answer.contentLength());
			}
			InputStream bounded = answer.body();
			FileDownloads.copy(bounded, response.getOutputStream(), (n) -> {
				read[0] += n;
				if (read[0] > limit) {
					throw new DownloadBrokenException("the image is larger than it said");
				}
			});
			return null;
		});
	}

}
