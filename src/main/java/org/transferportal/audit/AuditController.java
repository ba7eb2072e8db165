package org.transferportal.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

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
 * The lab audit: the page and its CSV export.
 */
@Controller
class AuditController {

	private final LabAudit audit;

	AuditController(LabAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/lab/audit")
	String audit(@RequestParam(required = false) String user, @RequestParam(required = false) String collection,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		AuditQuery query = new AuditQuery(user, collection, from, to);
		model.addAttribute("query", query);
		model.addAttribute("everyone", this.audit.seesEveryone());
		List<SubmissionRecord> records = this.audit.records(query);
		model.addAttribute("records", records);
		model.addAttribute("names", this.audit.names(records));
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

}
