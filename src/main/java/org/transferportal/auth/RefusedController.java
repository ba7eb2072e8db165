package org.transferportal.auth;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.transferportal.lab.LabAccess;

/**
 * The page people outside the lab see after logging in.
 */
@Controller
class RefusedController {

	private final CurrentUser currentUser;

	private final LabAccess access;

	RefusedController(CurrentUser currentUser, LabAccess access) {
		this.currentUser = currentUser;
		this.access = access;
	}

	@GetMapping(LabGate.REFUSED_PATH)
	String refused(Model model, HttpServletResponse response) {
		CurrentUser.Profile profile = this.currentUser.profile();
		List<String> usernames = new ArrayList<>(profile.linkedIdentities());
		usernames.add(profile.username());
		if (this.access.admits(usernames)) {
			// A member who reached this address by hand.
			return "redirect:/";
		}
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("username", this.currentUser.username());
		return "auth/refused";
	}

}
