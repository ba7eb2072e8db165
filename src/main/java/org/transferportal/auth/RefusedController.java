package org.transferportal.auth;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page people outside the lab see after logging in.
 */
@Controller
class RefusedController {

	private final CurrentUser currentUser;

	RefusedController(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@GetMapping(LabGate.REFUSED_PATH)
	String refused(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("username", this.currentUser.username());
		return "auth/refused";
	}

}
