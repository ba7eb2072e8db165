package org.transferportal.audit;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The usage figures as CSV, one table a file, with the same numbers as the page's tables
 * (bytes as exact counts) and cells made safe for spreadsheets as the audit's are.
 */
final class UsageCsv {

	/** The tables one can download, by the name in the address. */
	enum Table {

		WEEKS, USERS, COLLECTIONS, FAILURES;

		static Table of(String name) {
			if (name == null) {
				return null;
			}
			return Stream.of(values()).filter((t) -> t.name().equalsIgnoreCase(name)).findFirst().orElse(null);
		}

		String fileName() {
			return "usage-" + name().toLowerCase(Locale.ROOT) + ".csv";
		}

	}

	private UsageCsv() {
	}

	static String write(UsageReport report, Table table) {
		return switch (table) {
			case WEEKS -> csv("week,first_day,last_day,tasks,succeeded,failed,bytes,files",
					report.weeks()
						.stream()
						.map((w) -> row(w.name(), w.monday(), w.sunday(), w.tasks(), w.succeeded(),
								w.tasks() - w.succeeded(), w.bytes(), w.files())));
			case USERS -> csv("username,subject,tasks,succeeded,failed,bytes,files",
					report.users()
						.stream()
						.map((u) -> row(u.username(), u.subject(), u.tasks(), u.succeeded(), u.tasks() - u.succeeded(),
								u.bytes(), u.files())));
			case COLLECTIONS -> csv("collection_id,name,tasks_out,bytes_out,files_out,tasks_in,bytes_in,files_in",
					report.collections()
						.stream()
						.map((c) -> row(c.id(), c.name(), c.tasksOut(), c.bytesOut(), c.filesOut(), c.tasksIn(),
								c.bytesIn(), c.filesIn())));
			case FAILURES -> csv("failure_kind,tasks", report.failures().stream().map((f) -> row(f.kind(), f.tasks())));
		};
	}

	static String write(CollectionUsage usage) {
		return csv("week,first_day,last_day,tasks_out,bytes_out,files_out,tasks_in,bytes_in,files_in",
				usage.weeks()
					.stream()
					.map((w) -> row(w.name(), w.monday(), w.sunday(), w.tasksOut(), w.bytesOut(), w.filesOut(),
							w.tasksIn(), w.bytesIn(), w.filesIn())));
	}

	private static String csv(String header, Stream<String> rows) {
		return header + "\r\n" + rows.map((row) -> row + "\r\n").collect(Collectors.joining());
	}

	private static String row(Object... cells) {
		return Stream.of(cells).map(String::valueOf).map(AuditCsv::cell).collect(Collectors.joining(","));
	}

}
