package org.transferportal.audit;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The lab history: the search page, and "Run again" (which only opens a prefilled
 * transfer form).
 */
@Controller
class HistoryController {

	private final LabHistory history;

	HistoryController(LabHistory history) {
		this.history = history;
	}

	@GetMapping("/history")
	String history(@RequestParam(required = false) String q, @RequestParam(required = false) String collection,
			@RequestParam(required = false) String user, @RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "1") String page, Model model) {
		HistoryQuery query = new HistoryQuery(q, collection, user, status, from, to, pageNumber(page));
		LabHistory.Page result = this.history.search(query);
		model.addAttribute("query", query);
		model.addAttribute("result", result);
		model.addAttribute("everyone", this.history.seesEveryone());
		model.addAttribute("statuses", HistoryQuery.STATUSES);
		model.addAttribute("labCollections", this.history.labCollections());
		model.addAttribute("knownUsers", this.history.knownUsers());
		return "audit/history";
	}

	/**
	 * Opens a new draft with the recorded transfer's items and options in the transfer
	 * form; nothing is submitted. A post, since it opens a draft.
	 */
	@PostMapping("/history/{requestId}/again")
	String again(@PathVariable String requestId) {
		return "redirect:" + this.history.again(requestId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such transfer of yours"));
	}

	private static int pageNumber(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
