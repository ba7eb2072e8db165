package org.transferportal.schedules;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import org.transferportal.globus.TransferDocument;

/**
 * What a schedule is called: the transfer's label, or its route ("Lab Data → Archive");
 * at Globus Timers with the mark that lets the portal find a timer whose creation lost
 * its answer, which the portal's pages leave out.
 */
@Component
class ScheduleNames {

	/** The longest name the portal gives (a Transfer label's limit, as runs carry it). */
	static final int MAX_LENGTH = 128;

	private static final Pattern MARK = Pattern.compile(" #[0-9a-f]{12}$");

	private final ScheduleCollectionNames collections;

	ScheduleNames(ScheduleCollectionNames collections) {
		this.collections = collections;
	}

	/** The name of a new schedule of this transfer. */
	String name(TransferDocument document) {
		if (document.label() != null && !document.label().isBlank()) {
			return label(document.label());
		}
		Map<String, String> names = this.collections
			.of(List.of(document.sourceEndpoint(), document.destinationEndpoint()));
		return label(names.get(document.sourceEndpoint()) + " → " + names.get(document.destinationEndpoint()));
	}

	/** The mark as it appears in a timer's name. */
	static String mark(String marker) {
		return "#" + marker;
	}

	/** The name given to Timers: the name, then the mark. */
	static String marked(String name, String marker) {
		return name + " " + mark(marker);
	}

	/** A timer's name as people see it: without the portal's mark. */
	static String shown(String timerName) {
		return (timerName != null) ? MARK.matcher(timerName).replaceFirst("") : "";
	}

	/** A name cut to what a label can hold, on one line. */
	static String label(String name) {
		String line = name.replaceAll("\\s+", " ").strip();
		return (line.length() <= MAX_LENGTH) ? line : line.substring(0, MAX_LENGTH - 1).strip() + "…";
	}

}
