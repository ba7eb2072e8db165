package org.transferportal.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.transferportal.auth.CurrentUser;
import org.transferportal.lab.LabProperties;

/**
 * The landing page: what the portal is; once logged in, the user's recent transfers, the
 * lab's presets and collections, and where to start.
 */
@Controller
class HomeController {

	/** How many recent transfers the page lists. */
	static final int RECENT = 5;

	private final LabProperties lab;

	private final CurrentUser user;

	private final ObjectProvider<HomeContent.RecentTransfers> recent;

	private final ObjectProvider<HomeContent.Presets> presets;

	HomeController(LabProperties lab, CurrentUser user, ObjectProvider<HomeContent.RecentTransfers> recent,
			ObjectProvider<HomeContent.Presets> presets) {
		this.lab = lab;
		this.user = user;
		this.recent = recent;
		this.presets = presets;
	}

	@GetMapping("/")
	String home(@RequestParam(name = "login_error", required = false) String loginError,
			@RequestParam(name = "signed_out", required = false) String signedOut, Model model) {
		model.addAttribute("labCollections", this.lab.collections());
		CurrentUser.Profile profile = this.user.profileOrNull();
		if (profile != null) {
			model.addAttribute("recent",
					this.recent.stream().flatMap((r) -> r.recent(profile.subject(), RECENT).stream()).toList());
			model.addAttribute("presets", this.presets.stream().flatMap((p) -> p.presets().stream()).toList());
		}
		if (loginError != null) {
			model.addAttribute("error",
					"access_denied".equals(loginError)
							? "You declined to log in at Globus. Log in again when you are ready."
							: "Logging in with Globus did not work (" + loginError.replaceAll("[^A-Za-z0-9_]", "")
									+ "). Please try again.");
		}
		if (signedOut != null) {
			model.addAttribute("notice", "You have logged out, and the portal's Globus tokens were revoked.");
		}
		return "home";
	}

}
