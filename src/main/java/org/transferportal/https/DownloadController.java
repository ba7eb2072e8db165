package org.transferportal.https;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Downloads a file through the portal, and the page a consent trip comes back to, which
 * starts the download.
 */
@Controller
class DownloadController {

	private final FileDownloads downloads;

	DownloadController(FileDownloads downloads) {
		this.downloads = downloads;
	}

	@GetMapping("/files/download")
	ModelAndView download(@RequestParam(defaultValue = "") String collection,
			@RequestParam(defaultValue = "") String path, @RequestHeader(name = "Range", required = false) String range,
			@RequestHeader(name = "If-Range", required = false) String ifRange, HttpServletResponse response) {
		FileRef.Parsed parsed = FileRef.parse(collection, path);
		if (parsed instanceof FileRef.Parsed.Invalid invalid) {
			return HttpsPages.invalid(invalid, collection, path);
		}
		FileRef file = ((FileRef.Parsed.Valid) parsed).file();
		return HttpsPages.page(this.downloads.send(file, range, ifRange, response), "download");
	}

	/**
	 * After the consent trip: a page that starts the download by itself (a meta refresh,
	 * no script) and links to it, or says that nothing was downloaded when the user
	 * declined.
	 */
	@GetMapping("/files/download/ready")
	Object ready(@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String path,
			@RequestParam(required = false) String consent, Model model) {
		FileRef.Parsed parsed = FileRef.parse(collection, path);
		if (parsed instanceof FileRef.Parsed.Invalid invalid) {
			return HttpsPages.invalid(invalid, collection, path);
		}
		FileRef file = ((FileRef.Parsed.Valid) parsed).file();
		model.addAttribute("file", file);
		model.addAttribute("name", file.name());
		model.addAttribute("downloadUrl", HttpsPages.download(file));
		model.addAttribute("folderUrl", HttpsPages.folder(file.collection(), file.folder()));
		model.addAttribute("declined", consent != null);
		return "https/ready";
	}

}
