package org.transferportal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.transferportal.lab.LabProperties;

/**
 * The landing page: what the portal is, and the lab's collections once logged in.
 */
@Controller
class HomeController {

	private final LabProperties lab;

	HomeController(LabProperties lab) {
		this.lab = lab;
	}

	@GetMapping("/")
	String home(@RequestParam(name = "login_error", required = false) String loginError,
			@RequestParam(name = "signed_out", required = false) String signedOut, Model model) {
		model.addAttribute("labCollections", this.lab.collections());
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
