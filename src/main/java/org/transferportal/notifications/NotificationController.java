package org.transferportal.notifications;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * A user's notifications: the preferences form of the account page, and the e-mails the
 * portal sent (or, without SMTP, keeps) for them.
 */
@Controller
class NotificationController {

	private final NotificationPages pages;

	private final CurrentUser user;

	NotificationController(NotificationPages pages, CurrentUser user) {
		this.pages = pages;
		this.user = user;
	}

	@PostMapping("/account/notifications")
	String savePreferences(@RequestParam(name = "on_success", defaultValue = "") String onSuccess,
			@RequestParam(name = "on_failure", required = false) String onFailure,
			@RequestParam(name = "on_inactive", required = false) String onInactive, RedirectAttributes redirect) {
		Preferences.Success success = switch (onSuccess) {
			case "never", "long", "always" -> Preferences.Success.valueOf(onSuccess.toUpperCase(Locale.ROOT));
			default -> null;
		};
		if (success == null) {
			redirect.addFlashAttribute("notificationError",
					"Choose when a successful transfer is e-mailed: never, after a long transfer, or always. Nothing was changed.");
			return "redirect:/account#notifications";
		}
		this.pages.savePreferences(this.user.subject(),
				new Preferences(success, onFailure != null, onInactive != null));
		redirect.addFlashAttribute("notice", "Saved: the portal e-mails you about what you ticked.");
		return "redirect:/account#notifications";
	}

	@GetMapping("/notifications")
	String list(Model model) {
		model.addAttribute("emails", this.pages.emails(this.user.subject()));
		model.addAttribute("mode", this.pages.mailMode());
		return "notifications/list";
	}

	@GetMapping("/notifications/{id}")
	String show(@PathVariable String id, Model model) {
		model.addAttribute("email",
				this.pages.email(this.user.subject(), id).orElseThrow(NotificationController::none));
		return "notifications/email";
	}

	/** The HTML part of an e-mail, as its reader shows it. */
	@GetMapping("/notifications/{id}/html")
	ResponseEntity<String> html(@PathVariable String id) {
		Message email = this.pages.email(this.user.subject(), id)
			.filter((m) -> m.mailHtml() != null)
			.orElseThrow(NotificationController::none);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
			.body(email.mailHtml());
	}

	private static ResponseStatusException none() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such e-mail");
	}

}
