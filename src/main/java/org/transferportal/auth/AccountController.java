package org.transferportal.auth;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where users see and revoke the tokens and consents the portal holds for them.
 */
@Controller
class AccountController {

	private final AccountService account;

	AccountController(AccountService account) {
		this.account = account;
	}

	@GetMapping("/account")
	String show(Model model) {
		model.addAttribute("tokens", this.account.tokens());
		model.addAttribute("consents", this.account.consents());
		return "auth/account";
	}

	@PostMapping("/account/tokens/revoke")
	String revokeToken(@RequestParam("resource_server") String resourceServer, RedirectAttributes redirect) {
		this.account.revokeToken(resourceServer);
		redirect.addFlashAttribute("notice", "Revoked at Globus and forgotten: the token for " + resourceServer
				+ ". The portal will ask you to log in again when it needs one.");
		return "redirect:/account";
	}

	@PostMapping("/account/consents/forget")
	String forgetConsent(@RequestParam String scope, RedirectAttributes redirect) {
		this.account.forgetConsent(scope);
		redirect.addFlashAttribute("notice", "The portal will no longer ask Globus for this consent on its own.");
		return "redirect:/account";
	}

	@PostMapping("/account/revoke-all")
	String revokeEverything(RedirectAttributes redirect) {
		this.account.revokeEverything();
		redirect.addFlashAttribute("notice",
				"Every token was revoked at Globus and every consent forgotten. The portal holds nothing for you now.");
		return "redirect:/account";
	}

}
