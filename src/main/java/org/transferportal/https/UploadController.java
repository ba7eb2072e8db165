package org.transferportal.https;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.transferportal.support.Sizes;

/**
 * Uploads from the file manager's script: one {@code PUT} per file with the file's bytes
 * as the body (the browser says their length), answered in JSON, and a check before it
 * that says whether a file of that name would be replaced.
 */
@RestController
class UploadController {

	private final FileUploads uploads;

	UploadController(FileUploads uploads) {
		this.uploads = uploads;
	}

	/**
	 * What the script is told.
	 *
	 * @param status {@code ready}, {@code saved}, {@code exists}, {@code consent} or
	 * {@code failed}
	 * @param message what to show
	 * @param reason for {@code consent}: why ({@code missing}, {@code refused},
	 * {@code login})
	 */
	record Answer(String status, String message, String reason) {
	}

	@GetMapping("/files/upload/check")
	ResponseEntity<Answer> check(@RequestParam(defaultValue = "") String collection,
			@RequestParam(defaultValue = "") String path, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "-1") long size, @RequestParam(defaultValue = "") String overwrite) {
		FileUploads.Request request = new FileUploads.Request(collection, path, name, !overwrite.isEmpty());
		return answer(this.uploads.check(request, size));
	}

	@PutMapping("/files/upload")
	ResponseEntity<Answer> upload(@RequestParam(defaultValue = "") String collection,
			@RequestParam(defaultValue = "") String path, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String overwrite, HttpServletRequest http) throws IOException {
		FileUploads.Request request = new FileUploads.Request(collection, path, name, !overwrite.isEmpty());
		return answer(this.uploads.upload(request, http.getInputStream(), http.getContentLengthLong()));
	}

	static ResponseEntity<Answer> answer(FileUploads.Result result) {
		if (result instanceof FileUploads.Result.Saved saved) {
			return ResponseEntity.status(201).body(new Answer("saved", message(saved), null));
		}
		if (result instanceof FileUploads.Result.Ready) {
			return ResponseEntity.ok(new Answer("ready", null, null));
		}
		if (result instanceof FileUploads.Result.Exists exists) {
			return ResponseEntity.status(409)
				.body(new Answer("exists",
						"A file named \u201c" + exists.name() + "\u201d is already in this folder. Replace it?", null));
		}
		if (result instanceof FileUploads.Result.NeedsConsent needs) {
			return ResponseEntity.status(403)
				.body(new Answer("consent", needs.message(), needs.reason().name().toLowerCase()));
		}
		FileUploads.Result.Failed failed = (FileUploads.Result.Failed) result;
		return ResponseEntity.status(failed.status()).body(new Answer("failed", failed.message(), null));
	}

	static String message(FileUploads.Result.Saved saved) {
		return (saved.replaced() ? "Replaced \u201c" : "Uploaded \u201c") + saved.name() + "\u201d ("
				+ Sizes.human(saved.bytes()) + ").";
	}

}
