package org.transferportal.lab;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin overview of the lab's settings.
 */
@Controller
@LabAdminOnly
class LabController {

	private final LabProperties lab;

	LabController(LabProperties lab) {
		this.lab = lab;
	}

	@GetMapping("/lab/admin")
	String admin(Model model) {
		model.addAttribute("lab", this.lab);
		return "lab/admin";
	}

}
