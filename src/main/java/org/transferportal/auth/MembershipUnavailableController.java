package org.transferportal.auth;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a login lands on when the lab's Globus group could not be checked: try again
 * later, not "you are not in the lab".
 */
@Controller
class MembershipUnavailableController {

	@GetMapping(LabGate.MEMBERSHIP_UNAVAILABLE_PATH)
	String unavailable(HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return "auth/membership-unavailable";
	}

}
