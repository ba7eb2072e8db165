package org.transferportal.browse;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import org.transferportal.collections.CollectionPicker;
import org.transferportal.globus.GlobusApiException;

/**
 * The two-pane file manager: pick collections, browse, select, and hand the selection to
 * the transfer form.
 */
@Controller
class FileManagerController {

	private final FileManagerService service;

	private final FolderService folders;

	FileManagerController(FileManagerService service, FolderService folders) {
		this.service = service;
		this.folders = folders;
	}

	@GetMapping(FileManagerState.PATH)
	String files(@RequestParam MultiValueMap<String, String> params, Model model) {
		FileManagerState state = FileManagerState.from(params);
		FileManagerService.Result result = this.service.open(state);
		if (result instanceof FileManagerService.Result.Redirect redirect) {
			return "redirect:" + redirect.path();
		}
		FileManagerService.Result.Page page = (FileManagerService.Result.Page) result;
		model.addAttribute("state", state);
		model.addAttribute("panes", List.of(page.left(), page.right()));
		model.addAttribute("scopes", CollectionPicker.SCOPES);
		return "browse/files";
	}

	/**
	 * Links to the single-pane browser this page replaced ({@code /browse?collection=…
	 * &path=…}) keep working: they open the same folder in the left pane.
	 */
	@GetMapping({ "/browse", "/browse/**" })
	RedirectView oldBrowseLink(@RequestParam MultiValueMap<String, String> params) {
		RedirectView moved = new RedirectView(FileManagerState.fromBrowseLink(params).url(), true);
		moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		moved.setExposeModelAttributes(false);
		return moved;
	}

	@PostMapping(FileManagerState.PATH + "/consent")
	String grantAccess(@RequestParam UUID collection, @RequestParam(defaultValue = "") String path,
			@RequestParam(defaultValue = "") String back) {
		String folder = folder(path);
		return "redirect:" + this.folders.grantAccess(collection, folder, back(back));
	}

	@PostMapping(FileManagerState.PATH + "/mkdir")
	String makeFolder(@RequestParam UUID collection, @RequestParam String path, @RequestParam String name,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		String folder = folder(path);
		String clean = name.strip();
		if (folder == null || !validName(clean)) {
			redirect.addFlashAttribute("error", "A folder name cannot be empty or contain '/'");
			return "redirect:" + back(back);
		}
		return run(() -> this.folders.makeFolder(collection, folder + clean + "/"),
				"Folder \u201c" + clean + "\u201d created.", "Globus could not make the folder", back, redirect);
	}

	@PostMapping(FileManagerState.PATH + "/rename")
	String rename(@RequestParam UUID collection, @RequestParam String path, @RequestParam(defaultValue = "") String old,
			@RequestParam(name = "new_name") String newName, @RequestParam(defaultValue = "") String back,
			RedirectAttributes redirect) {
		String folder = folder(path);
		String from = old.endsWith("/") ? old.substring(0, old.length() - 1) : old;
		String to = newName.strip();
		if (folder == null || !validName(from) || !validName(to)) {
			redirect.addFlashAttribute("error", "Choose an item, and give a new name without '/'");
			return "redirect:" + back(back);
		}
		return run(() -> this.folders.rename(collection, folder + from, folder + to),
				"Renamed \u201c" + from + "\u201d to \u201c" + to + "\u201d.", "Globus could not rename it", back,
				redirect);
	}

	@PostMapping(FileManagerState.PATH + "/bookmark")
	String bookmark(@RequestParam UUID collection, @RequestParam String path, @RequestParam String name,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		String folder = folder(path);
		if (folder == null || name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
			redirect.addFlashAttribute("error", "A bookmark needs a name of 1 to 128 characters");
			return "redirect:" + back(back);
		}
		return run(() -> this.service.bookmark(name, collection, folder),
				"Bookmarked; the bookmark also appears in the Globus web app.", "Globus could not save the bookmark",
				back, redirect);
	}

	private static String run(Runnable action, String done, String failed, String back, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
		}
		catch (GlobusApiException ex) {
			redirect.addFlashAttribute("error", failed + ": " + ex.getMessage());
			redirect.addFlashAttribute("requestId", ex.requestId());
		}
		return "redirect:" + back(back);
	}

	private static boolean validName(String name) {
		return !name.isEmpty() && name.length() <= 255 && !name.contains("/") && !name.equals(".") && !name.equals("..")
				&& name.chars().noneMatch(Character::isISOControl);
	}

	/** A folder path ending in '/', or {@code null} if it is not one. */
	private static String folder(String path) {
		String folder = path.strip();
		if (folder.isEmpty() || !folder.startsWith("/") || folder.chars().anyMatch(Character::isISOControl)) {
			return null;
		}
		return folder.endsWith("/") ? folder : folder + "/";
	}

	/** Only back to this page, never elsewhere. */
	static String back(String back) {
		boolean local = (back.equals(FileManagerState.PATH) || back.startsWith(FileManagerState.PATH + "?"))
				&& !back.contains("\\") && back.chars().noneMatch(Character::isISOControl);
		return local ? back : FileManagerState.PATH;
	}

}
