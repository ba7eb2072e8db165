package org.transferportal.https;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import org.transferportal.support.LocalPaths;

/**
 * Uploads from the plain form, without JavaScript: the {@code multipart/form-data} body
 * is read as a stream by {@link MultipartReader}, and the file's bytes go to the
 * collection as they arrive. This servlet has no multipart configuration, so the servlet
 * container never parses (and never spools to disk) what the form sends, whoever asks for
 * a parameter: Spring Security's CSRF check reads its token from the form's address. The
 * file must be the form's last field (form fields are sent in document order), so its
 * length is what is left of the body less the closing boundary; any mismatch fails the
 * upload before it is put in place.
 */
class UploadFormServlet extends HttpServlet {

	/** Where the plain form posts. */
	static final String PATH = "/files/upload/form";

	/** The longest form field (other than the file) read. */
	private static final int MAX_FIELD = 8 * 1024;

	private final FileUploads uploads;

	private final SessionFlashMapManager flash = new SessionFlashMapManager();

	/** The most of a refused file read to its end (more is cut off). */
	private final long maxDrained;

	UploadFormServlet(FileUploads uploads, long maxDrained) {
		this.uploads = uploads;
		this.maxDrained = maxDrained;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String boundary = MultipartReader.boundary(request.getContentType());
		long total = request.getContentLengthLong();
		if (boundary == null || total < 0) {
			response.sendError(400, "Send the upload form as multipart/form-data with its length");
			return;
		}
		MultipartReader reader = new MultipartReader(request.getInputStream(), boundary);
		Map<String, String> fields = new LinkedHashMap<>();
		FileUploads.Result result = null;
		MultipartReader.Part part;
		while ((part = reader.next()) != null) {
			if (part.filename() == null) {
				fields.put(part.name(), part.text(MAX_FIELD));
				continue;
			}
			long length = total - reader.consumed() - reader.closingLength();
			FileUploads.Request upload = new FileUploads.Request(fields.getOrDefault("collection", ""),
					fields.getOrDefault("path", ""), part.filename(), fields.containsKey("overwrite"));
			result = upload(upload, part.body(), length);
			if (!(result instanceof FileUploads.Result.Saved) && length <= this.maxDrained) {
				// The browser is sending the file anyway: take it, so that it reads the
				// answer rather than a connection cut mid-upload.
				part.body().transferTo(OutputStream.nullOutputStream());
			}
			break;
		}
		redirect(request, response, fields, result);
	}

	private FileUploads.Result upload(FileUploads.Request upload, InputStream body, long length) {
		if (upload.name().isEmpty() && length <= 0) {
			return new FileUploads.Result.Failed(400, "Choose a file to upload");
		}
		return this.uploads.upload(upload, body, length);
	}

	/** Back to the file manager, the outcome shown next to the upload form. */
	private void redirect(HttpServletRequest request, HttpServletResponse response, Map<String, String> fields,
			FileUploads.Result result) throws IOException {
		String back = LocalPaths.onPage(fields.get("back"), "/files");
		FlashMap outcome = new FlashMap();
		String pane = "b".equals(fields.get("pane")) ? "b" : "a";
		if (result == null) {
			outcome.put("uploadProblem", new UploadNote(pane, "Choose a file to upload", null));
		}
		else if (result instanceof FileUploads.Result.Saved saved) {
			outcome.put("notice", UploadController.message(saved));
		}
		else if (result instanceof FileUploads.Result.Exists exists) {
			outcome.put("uploadProblem", new UploadNote(pane, "A file named \u201c" + exists.name()
					+ "\u201d is already in this folder. Tick \u201cReplace files of the same name\u201d to replace "
					+ "it, then upload again.", null));
		}
		else if (result instanceof FileUploads.Result.NeedsConsent needs) {
			outcome.put("uploadProblem", new UploadNote(pane, needs.message(), needs.reason().name().toLowerCase()));
		}
		else {
			outcome.put("uploadProblem", new UploadNote(pane, ((FileUploads.Result.Failed) result).message(), null));
		}
		outcome.setTargetRequestPath("/files");
		this.flash.saveOutputFlashMap(outcome, request, response);
		response.setStatus(303);
		response.setHeader("Location", request.getContextPath() + back);
	}

}
