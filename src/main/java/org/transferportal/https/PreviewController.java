package org.transferportal.https;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import org.transferportal.support.PreviewKind;

/**
 * Previews: the portal's page around the preview, and the preview itself, which is sent
 * with {@code Content-Security-Policy: sandbox} so that whatever the file holds runs
 * nowhere: the page embeds it in a sandboxed frame of no origin, and opened on its own it
 * is sandboxed all the same.
 */
@Controller
class PreviewController {

	/**
	 * The preview's own policy: a sandbox (no script, no origin), nothing loaded but the
	 * preview's stylesheet and the image itself, and framed only by the portal.
	 */
	static final String SANDBOX_POLICY = "sandbox; default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

	private final FilePreviews previews;

	PreviewController(FilePreviews previews) {
		this.previews = previews;
	}

	@GetMapping("/files/preview")
	Object page(@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String path,
			Model model) {
		FileRef.Parsed parsed = FileRef.parse(collection, path);
		if (parsed instanceof FileRef.Parsed.Invalid invalid) {
			return HttpsPages.invalid(invalid, collection, path);
		}
		FileRef file = ((FileRef.Parsed.Valid) parsed).file();
		ModelAndView problem = HttpsPages.page(this.previews.check(file), "preview");
		if (problem != null) {
			return problem;
		}
		model.addAttribute("file", file);
		model.addAttribute("name", file.name());
		model.addAttribute("kind", PreviewKind.of(file.name()).name().toLowerCase());
		model.addAttribute("contentUrl", HttpsPages.url("/files/preview/content", "collection",
				file.collection().toString(), "path", file.path()));
		model.addAttribute("downloadUrl", HttpsPages.download(file));
		model.addAttribute("folderUrl", HttpsPages.folder(file.collection(), file.folder()));
		return "https/preview";
	}

	@GetMapping("/files/preview/content")
	ModelAndView content(@RequestParam(defaultValue = "") String collection,
			@RequestParam(defaultValue = "") String path, HttpServletResponse response) {
		sandbox(response);
		FileRef.Parsed parsed = FileRef.parse(collection, path);
		FilePreviews.Content content = (parsed instanceof FileRef.Parsed.Invalid invalid)
				? FilePreviews.Content.message(PreviewKind.NONE, path, invalid.problem())
				: this.previews.content(((FileRef.Parsed.Valid) parsed).file(), response);
		if (content == null) {
			// The image went out as it is.
			return null;
		}
		if (response.isCommitted()) {
			return null;
		}
		sandbox(response);
		return new ModelAndView("https/preview-content", "preview", content);
	}

	/** The preview's own headers, set before Spring Security's defaults would be. */
	private static void sandbox(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", SANDBOX_POLICY);
		response.setHeader("X-Frame-Options", "SAMEORIGIN");
		response.setHeader("X-Content-Type-Options", "nosniff");
	}

}
