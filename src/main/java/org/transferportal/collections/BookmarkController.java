package org.transferportal.collections;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.transferportal.globus.Bookmark;
import org.transferportal.globus.CanonicalUuid;
import org.transferportal.globus.GlobusApiException;

/**
 * The bookmarks page: rename and delete the user's Transfer bookmarks.
 */
@Controller
class BookmarkController {

	private final BookmarkService bookmarks;

	private final CollectionNames names;

	BookmarkController(BookmarkService bookmarks, CollectionNames names) {
		this.bookmarks = bookmarks;
		this.names = names;
	}

	@GetMapping("/bookmarks")
	String list(Model model) {
		List<Bookmark> all = this.bookmarks.all();
		model.addAttribute("bookmarks", all);
		model.addAttribute("collectionNames", this.names.of(all.stream().map(Bookmark::endpointId).toList()));
		return "bookmarks/list";
	}

	@PostMapping("/bookmarks/{id}/rename")
	String rename(@PathVariable String id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		UUID bookmark = bookmarkId(id);
		String problem = BookmarkName.problem(name);
		if (problem == null) {
			try {
				this.bookmarks.rename(bookmark, name);
				redirect.addFlashAttribute("notice", "Renamed to “" + BookmarkName.clean(name) + "”.");
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
		model.addAttribute("bookmark", this.bookmarks.find(bookmarkId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no such bookmark")));
		return "bookmarks/delete";
	}

	@PostMapping("/bookmarks/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		UUID bookmark = bookmarkId(id);
		try {
			this.bookmarks.delete(bookmark);
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

	/** Globus bookmark ids are UUIDs; anything else never reaches Globus. */
	private static UUID bookmarkId(String id) {
		UUID parsed = CanonicalUuid.parse(id);
		if (parsed == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such bookmark");
		}
		return parsed;
	}

}
