package org.transferportal.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.transferportal.auth.CurrentUser;
import org.transferportal.lab.LabProperties;

/**
 * What every page's layout shows: the lab's name, the demo banner, who is logged in.
 */
@ControllerAdvice
class LayoutAttributes {

	private final LabProperties lab;

	private final PortalProperties portal;

	private final CurrentUser currentUser;

	LayoutAttributes(LabProperties lab, PortalProperties portal, CurrentUser currentUser) {
		this.lab = lab;
		this.portal = portal;
		this.currentUser = currentUser;
	}

	@ModelAttribute("labName")
	String labName() {
		return this.lab.name();
	}

	@ModelAttribute("demo")
	boolean demo() {
		return this.portal.demo();
	}

	@ModelAttribute("profile")
	CurrentUser.Profile profile() {
		return this.currentUser.profileOrNull();
	}

}
