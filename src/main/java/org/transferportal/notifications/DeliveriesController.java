package org.transferportal.notifications;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.transferportal.auth.CurrentUser;

/**
 * The admins' deliveries page ({@code /lab/admin/**}, admins only): which events go to
 * the lab webhook, and every message given up or waiting, with "Retry now".
 */
@Controller
class DeliveriesController {

	private final NotificationPages pages;

	private final CurrentUser user;

	DeliveriesController(NotificationPages pages, CurrentUser user) {
		this.pages = pages;
		this.user = user;
	}

	@GetMapping("/lab/admin/deliveries")
	String deliveries(Model model) {
		model.addAttribute("deliveries", this.pages.deliveries());
		model.addAttribute("types", EventType.values());
		return "notifications/deliveries";
	}

	@PostMapping("/lab/admin/deliveries/events")
	String chooseEvents(@RequestParam(name = "event", required = false) List<String> events,
			RedirectAttributes redirect) {
		try {
			this.pages.chooseWebhookEvents((events != null) ? events : List.of(), this.user.username());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage() + ". Nothing was changed.");
			return "redirect:/lab/admin/deliveries";
		}
		redirect.addFlashAttribute("notice", "Saved: the lab webhook gets the events ticked, from now on.");
		return "redirect:/lab/admin/deliveries";
	}

	@PostMapping("/lab/admin/deliveries/{id}/retry")
	String retryNow(@PathVariable String id, RedirectAttributes redirect) {
		if (!this.pages.retryNow(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such message waiting or given up");
		}
		redirect.addFlashAttribute("notice", "Queued again with the same id: it goes out within seconds.");
		return "redirect:/lab/admin/deliveries";
	}

}
