package org.transferportal.https;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.transferportal.collections.CollectionIds;
import org.transferportal.support.GlobusPath;

/**
 * The button that starts the consent trip a download, preview or upload needs, and comes
 * back to it: the download starts, the preview shows, the upload form is there again.
 */
@Controller
class HttpsConsentController {

	private final HttpsAccess access;

	HttpsConsentController(HttpsAccess access) {
		this.access = access;
	}

	@PostMapping("/files/https/consent")
	String grant(@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String path,
			@RequestParam(defaultValue = "download") String action, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		UUID id = CollectionIds.parse(collection);
		String problem = (id == null) ? CollectionIds.PROBLEM : GlobusPath.problem(path);
		if (problem != null) {
			redirect.addFlashAttribute("error", problem);
			return "redirect:/files";
		}
		String folder = path.substring(0, path.lastIndexOf('/') + 1);
		String back = HttpsPages.folder(id, folder);
		String target = switch (action) {
			case "upload" ->
				HttpsPages.url("/files", "a_collection", id.toString(), "a_path", folder, "granted", "upload");
			case "preview" -> HttpsPages.url("/files/preview", "collection", id.toString(), "path", path);
			default -> HttpsPages.url("/files/download/ready", "collection", id.toString(), "path", path);
		};
		return "redirect:" + this.access.startTrip(id, HttpsPages.target(target, HttpsPages.target(back, "/files")),
				HttpsAccess.Reason.of(reason));
	}

}
