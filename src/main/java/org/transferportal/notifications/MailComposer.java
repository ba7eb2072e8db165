package org.transferportal.notifications;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

import org.transferportal.lab.LabProperties;
import org.transferportal.support.Sizes;

/**
 * Writes the e-mail about an event: a subject, a plain-text part and an HTML part with
 * the same facts — what happened, the label, the collections by name, the size, the
 * duration and a link to the task's page. Nothing secret: no token, no path, no address
 * of anyone else.
 */
@Component
class MailComposer {

	/** An e-mail's three parts. */
	record Mail(String subject, String text, String html) {
	}

	/**
	 * The facts, as the templates show them.
	 *
	 * @param lab the lab's name
	 * @param headline e.g. {@code Your transfer "Nightly archive" failed.}
	 * @param facts label and value rows
	 * @param link the task's or schedule's page, or {@code null} when the portal's
	 * address is unknown
	 * @param path the page's path, shown when the link cannot be
	 * @param accountLink the account page, where preferences are changed, or {@code null}
	 */
	record View(String lab, String headline, List<Fact> facts, String link, String path, String accountLink) {
	}

	/** One row of facts. */
	record Fact(String name, String value) {
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final ITemplateEngine templates;

	private final String lab;

	MailComposer(ITemplateEngine templates, LabProperties lab) {
		this.templates = templates;
		this.lab = lab.name();
	}

	Mail compose(Notice notice, CollectionNames.Pair names, String portalUrl) {
		View view = view(notice, names, portalUrl);
		String subject = "[" + this.lab + "] " + subjectLine(notice);
		Context context = new Context(Locale.ROOT);
		context.setVariable("mail", view);
		return new Mail(oneLine(subject), text(view), this.templates.process("notifications/mail", context));
	}

	View view(Notice notice, CollectionNames.Pair names, String portalUrl) {
		EventType type = notice.eventType();
		String kind = (type == EventType.SCHEDULE_INACTIVE) ? "schedule" : "transfer";
		String headline = "Your " + kind + " \"" + notice.title() + "\" " + type.verb() + ".";
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("Status", notice.status()));
		facts.add(new Fact("From", collection(names.source(), notice.sourceCollection())));
		facts.add(new Fact("To", collection(names.destination(), notice.destinationCollection())));
		if (notice.bytes() != null) {
			facts.add(new Fact("Moved", Sizes.human(notice.bytes()) + " in " + notice.files()
					+ ((notice.files() != null && notice.files() == 1) ? " file" : " files")));
		}
		if (notice.durationSeconds() != null) {
			facts.add(new Fact("Took", duration(notice.durationSeconds())));
		}
		if (notice.failureKind() != null) {
			facts.add(new Fact("Why", notice.failureKind()));
		}
		if (notice.reason() != null) {
			facts.add(new Fact("Why", notice.reason()));
		}
		if (type == EventType.TRANSFER_INACTIVE) {
			facts.add(
					new Fact("What to do", "Open the task: Globus waits for you (often a login or consent to renew)."));
		}
		facts.add(new Fact(
				(type == EventType.TRANSFER_INACTIVE || type == EventType.SCHEDULE_INACTIVE) ? "Seen" : "Finished",
				WHEN.format(notice.occurredAt())));
		if (notice.taskId() != null) {
			facts.add(new Fact("Task", notice.taskId()));
		}
		String link = (portalUrl != null) ? portalUrl + notice.path() : null;
		return new View(this.lab, headline, facts, link, notice.path(),
				(portalUrl != null) ? portalUrl + "/account" : null);
	}

	private static String subjectLine(Notice notice) {
		return switch (notice.eventType()) {
			case TRANSFER_SUCCEEDED -> "Transfer succeeded: " + notice.title();
			case TRANSFER_FAILED -> "Transfer failed: " + notice.title();
			case TRANSFER_INACTIVE -> "Transfer paused, needs you: " + notice.title();
			case SCHEDULE_INACTIVE -> "Schedule stopped: " + notice.title();
		};
	}

	static String text(View view) {
		StringBuilder text = new StringBuilder();
		text.append(view.headline()).append("\n\n");
		int width = view.facts().stream().mapToInt((fact) -> fact.name().length()).max().orElse(0) + 2;
		for (Fact fact : view.facts()) {
			text.append(String.format(Locale.ROOT, "%-" + width + "s%s%n", fact.name() + ":", fact.value()));
		}
		text.append('\n');
		if (view.link() != null) {
			text.append("See it in the portal: ").append(view.link()).append("\n\n");
		}
		else {
			text.append("See it in the portal at ").append(view.path()).append("\n\n");
		}
		text.append("-- \n").append(view.lab()).append(" transfer portal. ");
		text.append("Choose what you are e-mailed about on your account page");
		text.append((view.accountLink() != null) ? ": " + view.accountLink() : ".").append('\n');
		return text.toString().replace("\r", "");
	}

	private static String collection(String name, String id) {
		if (id == null) {
			return "—";
		}
		return (name != null) ? name + " (" + id + ")" : id;
	}

	/** e.g. {@code 2 h 14 min}, {@code 45 s}. */
	static String duration(long seconds) {
		Duration duration = Duration.ofSeconds(seconds);
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
		}
		if (seconds < 86400) {
			return duration.toHours() + " h " + duration.toMinutesPart() + " min";
		}
		return duration.toDays() + " d " + duration.toHoursPart() + " h";
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t]+", " ");
	}

}
