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

import org.transferportal.collections.BookmarkName;
import org.transferportal.collections.BookmarkService;
import org.transferportal.collections.CollectionIds;
import org.transferportal.collections.CollectionPicker;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.lab.LabProperties;
import org.transferportal.support.EntryName;
import org.transferportal.support.GlobusPath;
import org.transferportal.support.LocalPaths;

/**
 * The two-pane file manager: pick collections, browse, select, and hand the selection to
 * the transfer form; make folders, rename and bookmark in a pane's folder.
 */
@Controller
class FileManagerController {

	private final FileManagerService service;

	private final FolderService folders;

	private final BookmarkService bookmarks;

	private final LabProperties lab;

	FileManagerController(FileManagerService service, FolderService folders, BookmarkService bookmarks,
			LabProperties lab) {
		this.service = service;
		this.folders = folders;
		this.bookmarks = bookmarks;
		this.lab = lab;
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
		// The lab's collections it keeps from deletes: no Delete button there.
		model.addAttribute("deletesForbidden",
				this.lab.collections()
					.stream()
					.filter((c) -> !c.deletesAllowed() && c.id() != null)
					.map((c) -> c.id().toString())
					.collect(java.util.stream.Collectors.toSet()));
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
	String grantAccess(@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String path,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		UUID id = CollectionIds.parse(collection);
		String folder = path.isBlank() ? null : path.strip();
		String problem = (id == null) ? CollectionIds.PROBLEM : (folder != null) ? GlobusPath.problem(folder) : null;
		if (problem != null) {
			redirect.addFlashAttribute("error", problem);
			return "redirect:" + back(back);
		}
		return "redirect:" + this.folders.grantAccess(id, folder, back(back));
	}

	@PostMapping(FileManagerState.PATH + "/mkdir")
	String makeFolder(@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String path,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "a") String pane,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		ToolRequest request = ToolRequest.of(ToolProblem.MKDIR, pane, collection, path, name);
		String clean = name.strip();
		String problem = request.problem(EntryName.problem(clean), clean + "/");
		if (problem != null) {
			return refuse(request, problem, null, back, redirect);
		}
		try {
			this.folders.makeFolder(request.collection(), request.folder() + clean + "/");
			redirect.addFlashAttribute("notice", "Folder \u201c" + clean + "\u201d created.");
		}
		catch (GlobusApiException ex) {
			return refuse(request, "Globus could not make the folder: " + ex.getMessage(), ex.requestId(), back,
					redirect);
		}
		return "redirect:" + back(back);
	}

	@PostMapping(FileManagerState.PATH + "/rename")
	String rename(@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String path,
			@RequestParam(defaultValue = "") String old,
			@RequestParam(name = "new_name", defaultValue = "") String newName,
			@RequestParam(defaultValue = "a") String pane, @RequestParam(defaultValue = "") String back,
			RedirectAttributes redirect) {
		ToolRequest request = ToolRequest.of(ToolProblem.RENAME, pane, collection, path, newName);
		String from = old.endsWith("/") ? old.substring(0, old.length() - 1) : old;
		String to = newName.strip();
		String problem = EntryName.isValid(from) ? request.problem(EntryName.problem(to), to)
				: "Choose the item to rename";
		if (problem != null) {
			return refuse(request, problem, null, back, redirect);
		}
		try {
			this.folders.rename(request.collection(), request.folder() + from, request.folder() + to);
			redirect.addFlashAttribute("notice", "Renamed \u201c" + from + "\u201d to \u201c" + to + "\u201d.");
		}
		catch (GlobusApiException ex) {
			return refuse(request, "Globus could not rename it: " + ex.getMessage(), ex.requestId(), back, redirect);
		}
		return "redirect:" + back(back);
	}

	@PostMapping(FileManagerState.PATH + "/bookmark")
	String bookmark(@RequestParam(defaultValue = "") String collection, @RequestParam(defaultValue = "") String path,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "a") String pane,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		ToolRequest request = ToolRequest.of(ToolProblem.BOOKMARK, pane, collection, path, name);
		String problem = request.problem(BookmarkName.problem(name), "");
		if (problem != null) {
			return refuse(request, problem, null, back, redirect);
		}
		try {
			this.bookmarks.add(name, request.collection(), request.folder());
			redirect.addFlashAttribute("notice", "Bookmarked; the bookmark also appears in the Globus web app.");
		}
		catch (GlobusApiException ex) {
			return refuse(request, "Globus could not save the bookmark: " + ex.getMessage(), ex.requestId(), back,
					redirect);
		}
		return "redirect:" + back(back);
	}

	/** Back to the page, with the problem next to the form and what the user typed. */
	private static String refuse(ToolRequest request, String problem, String requestId, String back,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("toolProblem",
				new ToolProblem(request.pane(), request.tool(), problem, request.typed(), requestId));
		return "redirect:" + back(back);
	}

	/** Only back to this page, never elsewhere. */
	static String back(String back) {
		return LocalPaths.onPage(back, FileManagerState.PATH);
	}

	/**
	 * What a pane's tool form posted: the pane's collection and folder (as the page gave
	 * them) and what the user typed.
	 */
	private record ToolRequest(String tool, String pane, UUID collection, String folder, String typed) {

		static ToolRequest of(String tool, String pane, String collection, String path, String typed) {
			String folder = path.strip();
			folder = (folder.isEmpty() || folder.endsWith("/")) ? folder : folder + "/";
			return new ToolRequest(tool, "b".equals(pane) ? "b" : "a", CollectionIds.parse(collection), folder, typed);
		}

		/**
		 * The first problem: the collection, the folder, the typed text's own rule, then
		 * the path the action would reach (which may grow too long).
		 */
		String problem(String typedProblem, String entry) {
			if (this.collection == null) {
				return CollectionIds.PROBLEM;
			}
			String folderProblem = GlobusPath.problem(this.folder);
			if (folderProblem != null) {
				return folderProblem;
			}
			return (typedProblem != null) ? typedProblem : GlobusPath.problem(this.folder + entry);
		}

	}

}
