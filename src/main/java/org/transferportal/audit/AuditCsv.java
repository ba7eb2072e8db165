package org.transferportal.audit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes audit records as CSV (RFC 4180) that is safe to open in a spreadsheet.
 */
final class AuditCsv {

	static final String HEADER = "when,username,subject,label,source_collection,source_name,destination_collection,"
			+ "destination_name,task_id,submission_id,status,consent_trips,message,task_status,task_status_seen_at,"
			+ "task_type";

	private AuditCsv() {
	}

	/**
	 * The records, times in ISO-8601 UTC, each collection id with its name beside it
	 * (empty when unknown).
	 */
	static String write(List<SubmissionRecord> records, Map<String, String> names) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (SubmissionRecord r : records) {
			csv.append(Stream.of(r.when().toString(), r.username(), r.subject(), r.label(), r.sourceCollection(),
					names.get(r.sourceCollection()), r.destinationCollection(), names.get(r.destinationCollection()),
					r.taskId(), r.submissionId(), r.status(), String.valueOf(r.consentTrips()), r.message(),
					r.taskStatus(), (r.statusSeenAt() != null) ? r.statusSeenAt().toString() : null, r.taskType())
				.map(AuditCsv::cell)
				.collect(Collectors.joining(","))).append("\r\n");
		}
		return csv.toString();
	}

	/**
	 * One quoted cell. A cell a spreadsheet would read as a formula (leading {@code =},
	 * {@code +}, {@code -}, {@code @}, tab or carriage return) gets a leading apostrophe,
	 * as OWASP's CSV injection advice says.
	 */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
