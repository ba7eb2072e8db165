package org.transferportal.audit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The usage pages: the lab's (or the member's own) figures for a period, one collection's
 * traffic, and their CSV exports.
 */
@Controller
class UsageController {

	private final LabUsage usage;

	UsageController(LabUsage usage) {
		this.usage = usage;
	}

	@GetMapping("/lab/usage")
	String usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		UsagePeriod period = UsagePeriod.of(from, to, this.usage.today());
		model.addAttribute("period", period);
		model.addAttribute("quick", quickPeriods());
		model.addAttribute("everyone", this.usage.seesEveryone());
		model.addAttribute("report", period.valid() ? this.usage.report(period.from(), period.to()) : null);
		return "audit/usage";
	}

	@GetMapping("/lab/usage.csv")
	ResponseEntity<String> usageCsv(@RequestParam(required = false) String table,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		UsageCsv.Table which = UsageCsv.Table.of(table);
		if (which == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such table");
		}
		UsagePeriod period = UsagePeriod.of(from, to, this.usage.today());
		if (!period.valid()) {
			return badPeriod(period);
		}
		return csv(which.fileName(), UsageCsv.write(this.usage.report(period.from(), period.to()), which));
	}

	@GetMapping("/lab/usage/collections/{id}")
	String collection(@PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		UsagePeriod period = UsagePeriod.of(from, to, this.usage.today());
		model.addAttribute("period", period);
		model.addAttribute("quick", quickPeriods());
		model.addAttribute("collectionId", id);
		model.addAttribute("usage",
				period.valid()
						? this.usage.collection(id, period.from(), period.to())
							.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such collection"))
						: null);
		return "audit/collection";
	}

	@GetMapping("/lab/usage/collections/{id}/weeks.csv")
	ResponseEntity<String> collectionCsv(@PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		UsagePeriod period = UsagePeriod.of(from, to, this.usage.today());
		if (!period.valid()) {
			return badPeriod(period);
		}
		CollectionUsage usage = this.usage.collection(id, period.from(), period.to())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such collection"));
		return csv("usage-collection-" + usage.id() + ".csv", UsageCsv.write(usage));
	}

	/** The page's quick choices: the last 4, 12, 26 and 52 ISO weeks, by their name. */
	private Map<String, UsagePeriod> quickPeriods() {
		Map<String, UsagePeriod> quick = new LinkedHashMap<>();
		for (int weeks : new int[] { 4, 12, 26, 52 }) {
			quick.put("last " + weeks + " weeks", UsagePeriod.lastWeeks(weeks, this.usage.today()));
		}
		return quick;
	}

	private static ResponseEntity<String> badPeriod(UsagePeriod period) {
		return ResponseEntity.badRequest()
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(String.join("\n", period.errors().values()) + "\n");
	}

	private static ResponseEntity<String> csv(String fileName, String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

}
