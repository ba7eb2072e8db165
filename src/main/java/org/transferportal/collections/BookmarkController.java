package org.transferportal.collections;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Bookmark;
import org.transferportal.globus.CanonicalUuid;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.lab.LabProperties;

/**
 * The user's Transfer bookmarks (the same ones the Globus web app shows): rename and
 * delete. Every call goes to Globus with the user's own token, so an id from someone
 * else's list reaches nothing.
 */
@Controller
class BookmarkController {

	static final int MAX_NAME = 128;

	private final CurrentUser user;

	private final LabProperties lab;

	BookmarkController(CurrentUser user, LabProperties lab) {
		this.user = user;
		this.lab = lab;
	}

	@GetMapping("/bookmarks")
	String list(Model model) {
		model.addAttribute("bookmarks", this.user.transfer().bookmarks());
		model.addAttribute("collectionNames", this.lab.collectionNames());
		return "bookmarks/list";
	}

	@PostMapping("/bookmarks/{id}/rename")
	String rename(@PathVariable String id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		checkId(id);
		String clean = name.strip();
		String problem = clean.isEmpty() || clean.length() > MAX_NAME
				? "A bookmark name has 1 to " + MAX_NAME + " characters."
				: clean.chars().anyMatch(Character::isISOControl) ? "A bookmark name cannot contain control characters."
						: null;
		if (problem == null) {
			try {
				this.user.transfer().renameBookmark(id, clean);
				redirect.addFlashAttribute("notice", "Renamed to “" + clean + "”.");
				return "redirect:/bookmarks";
			}
			catch (GlobusApiException ex) {
				problem = refusal(ex);
			}
		}
		// Keep what the user typed in that row, with the reason.
		redirect.addFlashAttribute("error", problem);
		redirect.addFlashAttribute("typed", Map.of(id, name));
		return "redirect:/bookmarks";
	}

	@GetMapping("/bookmarks/{id}/delete")
	String confirmDelete(@PathVariable String id, Model model) {
		checkId(id);
		Bookmark bookmark = this.user.transfer()
			.bookmarks()
			.stream()
			.filter((b) -> id.equalsIgnoreCase(b.id()))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no such bookmark"));
		model.addAttribute("bookmark", bookmark);
		return "bookmarks/delete";
	}

	@PostMapping("/bookmarks/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		checkId(id);
		try {
			this.user.transfer().deleteBookmark(id);
			redirect.addFlashAttribute("notice", "Bookmark deleted; it is gone from the Globus web app too.");
		}
		catch (GlobusApiException ex) {
			redirect.addFlashAttribute("error", refusal(ex));
		}
		return "redirect:/bookmarks";
	}

	private static String refusal(GlobusApiException ex) {
		if (ex.status() == 404) {
			return "Globus has no such bookmark for you; it may have been deleted already.";
		}
		if (ex.status() == 409) {
			return "Globus refused: " + ex.getMessage() + " (bookmark names must be unique).";
		}
		return "Globus could not do that just now (" + ex.getMessage() + "). Please try again.";
	}

	private static void checkId(String id) {
		// Globus bookmark ids are UUIDs; anything else never reaches Globus.
		if (CanonicalUuid.parse(id) == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such bookmark");
		}
	}

}
