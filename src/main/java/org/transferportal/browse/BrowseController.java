package org.transferportal.browse;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import org.transferportal.collections.CollectionIds;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.lab.LabProperties;

/**
 * Browsing a collection's folders.
 */
@Controller
class BrowseController {

	private final BrowseService service;

	private final LabProperties lab;

	BrowseController(BrowseService service, LabProperties lab) {
		this.service = service;
		this.lab = lab;
	}

	@GetMapping("/browse")
	String browse(@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String path,
			@RequestParam(defaultValue = "0") int offset, Model model) {
		model.addAttribute("labCollections", this.lab.collections());
		model.addAttribute("collectionText", collection);
		if (collection.isBlank()) {
			return "browse/choose";
		}
		UUID id = CollectionIds.parse(collection.strip());
		if (id == null) {
			model.addAttribute("error", CollectionIds.PROBLEM);
			return "browse/choose";
		}
		String folder = path.isBlank() ? null : path.strip();
		if (folder != null && (!folder.startsWith("/") || folder.chars().anyMatch(Character::isISOControl))) {
			model.addAttribute("error", "A path must be absolute (start with /) and contain no control characters");
			return "browse/choose";
		}
		model.addAttribute("collectionId", id.toString());
		model.addAttribute("path", (folder != null) ? folder : "");
		BrowseService.Result result = this.service.open(id, folder, Math.max(0, offset), browsePath(id, folder));
		if (result instanceof BrowseService.Result.Redirect redirect) {
			return "redirect:" + redirect.path();
		}
		if (result instanceof BrowseService.Result.Listed listed) {
			model.addAttribute("listing", listed.listing());
			return "browse/folder";
		}
		if (result instanceof BrowseService.Result.NeedsConsent needs) {
			model.addAttribute("collection", needs.collection());
			model.addAttribute("consentMessage", needs.message());
			return "browse/consent";
		}
		model.addAttribute("collection", ((BrowseService.Result.NotBrowsable) result).collection());
		return "browse/not-browsable";
	}

	@PostMapping("/browse/consent")
	String grantAccess(@RequestParam UUID collection, @RequestParam(defaultValue = "") String path) {
		String folder = cleanPath(path);
		return "redirect:" + this.service.grantAccess(collection, folder, browsePath(collection, folder));
	}

	@PostMapping("/browse/mkdir")
	String makeFolder(@RequestParam UUID collection, @RequestParam String path, @RequestParam String name,
			RedirectAttributes redirect) {
		String folder = cleanPath(path);
		String clean = name.strip();
		if (clean.isEmpty() || clean.contains("/") || clean.equals(".") || clean.equals("..")
				|| clean.chars().anyMatch(Character::isISOControl) || folder == null) {
			redirect.addFlashAttribute("error", "A folder name cannot be empty or contain '/'");
			return "redirect:" + browsePath(collection, folder);
		}
		String base = folder.endsWith("/") ? folder : folder + "/";
		try {
			this.service.makeFolder(collection, base + clean + "/");
			redirect.addFlashAttribute("notice", "Folder created.");
		}
		catch (GlobusApiException ex) {
			redirect.addFlashAttribute("error", "Globus could not make the folder: " + ex.getMessage());
		}
		return "redirect:" + browsePath(collection, folder);
	}

	private static String cleanPath(String path) {
		String folder = path.strip();
		if (folder.isEmpty() || !folder.startsWith("/") || folder.chars().anyMatch(Character::isISOControl)) {
			return null;
		}
		return folder;
	}

	static String browsePath(UUID collection, String path) {
		String url = "/browse?collection=" + collection;
		return (path != null) ? url + "&path=" + UriUtils.encodeQueryParam(path, StandardCharsets.UTF_8) : url;
	}

}
