package org.transferportal.auth;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
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
	String refused(@AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response) {
		if (LabGate.admits(this.access, user)) {
			// A member who reached this address by hand.
			return "redirect:/";
		}
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("username", this.currentUser.username());
		model.addAttribute("groupRule", this.access.group() != null);
		return "auth/refused";
	}

}
