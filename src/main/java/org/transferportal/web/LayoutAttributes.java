package org.transferportal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.transferportal.auth.CurrentUser;
import org.transferportal.lab.LabAccess;
import org.transferportal.lab.LabProperties;

/**
 * What every page's layout shows: the lab's name, the demo banner, who is logged in.
 */
@ControllerAdvice
class LayoutAttributes {

	/** Path prefixes and the navigation entry they belong to, most specific first. */
	private static final String[][] SECTIONS = { { "/files", "files" }, { "/browse", "files" },
			{ "/bookmarks", "files" }, { "/transfer", "transfer" }, { "/presets", "presets" },
			{ "/lab/admin/presets", "presets" }, { "/tasks", "tasks" }, { "/history", "history" },
			{ "/lab/usage", "usage" }, { "/lab/audit", "audit" }, { "/account", "account" },
			{ "/lab/admin", "admin" } };

	private final LabProperties lab;

	private final PortalProperties portal;

	private final CurrentUser currentUser;

	private final LabAccess access;

	LayoutAttributes(LabProperties lab, PortalProperties portal, CurrentUser currentUser, LabAccess access) {
		this.lab = lab;
		this.portal = portal;
		this.currentUser = currentUser;
		this.access = access;
	}

	@ModelAttribute("labName")
	String labName() {
		return this.lab.name();
	}

	@ModelAttribute("demo")
	boolean demo() {
		return this.portal.demo();
	}

	/** Whether the logged-in user is a lab admin: admin links and buttons show. */
	@ModelAttribute("labAdmin")
	boolean labAdmin() {
		CurrentUser.Profile profile = this.currentUser.profileOrNull();
		return profile != null && this.access.isAdmin(profile.username());
	}

	/**
	 * The main section the page belongs to ({@code files}, {@code transfer}, …), so that
	 * the navigation marks it as the current page.
	 */
	@ModelAttribute("section")
	String section(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String[] section : SECTIONS) {
			if (path.equals(section[0]) || path.startsWith(section[0] + "/") || path.startsWith(section[0] + ".")) {
				return section[1];
			}
		}
		return "";
	}

	@ModelAttribute("profile")
	CurrentUser.Profile profile() {
		return this.currentUser.profileOrNull();
	}

	/** The same attributes for a model the advice does not reach (exception handlers). */
	void addTo(org.springframework.ui.Model model) {
		model.addAttribute("labName", labName());
		model.addAttribute("demo", demo());
		model.addAttribute("labAdmin", labAdmin());
		model.addAttribute("profile", profile());
		model.addAttribute("section", "");
	}

}
