package org.transferportal.https;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import org.transferportal.collections.CollectionIds;

/**
 * The pages and addresses the download, preview and upload controllers share: the page
 * that says what stands in the way (with the consent button or a transfer instead), and
 * links back into the file manager.
 */
final class HttpsPages {

	/** The longest address a consent trip may return to (the pending action's column). */
	private static final int MAX_TARGET = 2000;

	private HttpsPages() {
	}

	/** The page for an outcome, or {@code null} when the answer was already sent. */
	static ModelAndView page(Outcome outcome, String action) {
		if (outcome instanceof Outcome.Done) {
			return null;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("action", action);
		HttpStatus status;
		if (outcome instanceof Outcome.Consent consent) {
			status = HttpStatus.OK;
			model.put("heading", "Access needed");
			model.put("message", consent.message());
			model.put("reason", consent.reason().name().toLowerCase());
			model.put("consent", true);
			file(model, consent.file());
		}
		else {
			Outcome.Problem problem = (Outcome.Problem) outcome;
			status = HttpStatus.valueOf(problem.status());
			model.put("heading", (problem.status() == 404) ? "Not found" : "That did not work");
			model.put("message", problem.message());
			model.put("consent", false);
			file(model, problem.file());
			if (problem.transferInstead() && problem.file() != null) {
				model.put("transferUrl", url("/transfer", "source_collection", problem.file().collection().toString(),
						"source_path", problem.file().path()));
			}
		}
		ModelAndView page = new ModelAndView("https/problem", model);
		page.setStatus(status);
		return page;
	}

	/** The page for a request that names no valid file. */
	static ModelAndView invalid(FileRef.Parsed.Invalid invalid, String collection, String path) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("heading",
				invalid.folder() ? "Folders are not downloaded" : "That is not a file the portal can " + "fetch");
		model.put("message", invalid.problem());
		model.put("consent", false);
		model.put("typedCollection", collection);
		model.put("typedPath", path);
		UUID id = CollectionIds.parse(collection);
		if (invalid.folder() && id != null) {
			model.put("transferUrl", url("/transfer", "source_collection", id.toString(), "source_path", path));
			model.put("folderUrl", folder(id, path));
		}
		ModelAndView page = new ModelAndView("https/problem", model);
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

	private static void file(Map<String, Object> model, FileRef file) {
		if (file == null) {
			return;
		}
		model.put("file", file);
		model.put("folderUrl", folder(file.collection(), file.folder()));
	}

	/** The file manager's left pane at a folder. */
	static String folder(UUID collection, String folder) {
		return url("/files", "a_collection", collection.toString(), "a_path", folder);
	}

	static String download(FileRef file) {
		return url("/files/download", "collection", file.collection().toString(), "path", file.path());
	}

	static String preview(FileRef file) {
		return url("/files/preview", "collection", file.collection().toString(), "path", file.path());
	}

	/**
	 * Where a consent trip returns to: the address, unless it is too long to keep, then
	 * the fallback.
	 */
	static String target(String address, String fallback) {
		return (address.length() <= MAX_TARGET) ? address : fallback;
	}

	/** A local address with query parameters, slashes kept readable. */
	static String url(String path, String... params) {
		StringBuilder url = new StringBuilder(path);
		for (int i = 0; i + 1 < params.length; i += 2) {
			url.append((i == 0) ? '?' : '&')
				.append(params[i])
				.append('=')
				.append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8).replace("%2F", "/"));
		}
		return url.toString();
	}

}
