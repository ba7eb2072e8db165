package org.transferportal.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.transferportal.auth.CurrentUser;
import org.transferportal.https.FileAccessLog;

/**
 * The audit of files downloaded, previewed and uploaded through the portal: admins see
 * everyone's, members their own.
 */
@Controller
class FileAccessController {

	private final LabAudit audit;

	private final FileAccessLog log;

	private final CurrentUser user;

	FileAccessController(LabAudit audit, FileAccessLog log, CurrentUser user) {
		this.audit = audit;
		this.log = log;
		this.user = user;
	}

	@GetMapping("/lab/audit/files")
	String files(@RequestParam(defaultValue = "") String user, Model model) {
		boolean everyone = this.audit.seesEveryone();
		model.addAttribute("everyone", everyone);
		model.addAttribute("user", everyone ? user : "");
		model.addAttribute("records", this.log.newest(everyone ? null : this.user.subject(), everyone ? user : ""));
		model.addAttribute("limit", FileAccessLog.PAGE_LIMIT);
		return "lab/audit-files";
	}

}
