package org.transferportal.lab;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lab audit (page and CSV export) and the admin overview of the lab's settings.
 */
@Controller
class LabController {

	private final LabAudit audit;

	private final LabProperties lab;

	LabController(LabAudit audit, LabProperties lab) {
		this.audit = audit;
		this.lab = lab;
	}

	@GetMapping("/lab/audit")
	String audit(@RequestParam(required = false) String user, @RequestParam(required = false) String collection,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		AuditQuery query = new AuditQuery(user, collection, from, to);
		model.addAttribute("query", query);
		model.addAttribute("everyone", this.audit.seesEveryone());
		model.addAttribute("records", this.audit.records(query));
		model.addAttribute("limit", LabAudit.LIMIT);
		return "lab/audit";
	}

	@GetMapping("/lab/audit.csv")
	ResponseEntity<String> auditCsv(@RequestParam(required = false) String user,
			@RequestParam(required = false) String collection,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		String csv = this.audit.csv(new AuditQuery(user, collection, from, to));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("transfer-audit.csv").build().toString())
			.body(csv);
	}

	@GetMapping("/lab/admin")
	String admin(Model model) {
		model.addAttribute("lab", this.lab);
		return "lab/admin";
	}

}
