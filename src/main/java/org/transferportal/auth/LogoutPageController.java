package org.transferportal.auth;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Asks before logging out: the header links here, so that pages carry no form but their
 * own and logging out stays a CSRF-protected POST.
 */
@Controller
class LogoutPageController {

	@GetMapping("/logout")
	String logoutPage() {
		return "auth/logout";
	}

}
