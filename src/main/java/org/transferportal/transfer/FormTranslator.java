package org.transferportal.transfer;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.transferportal.collections.CollectionIds;
import org.transferportal.globus.TransferDocument;
import org.transferportal.globus.TransferDocument.FilterRule;
import org.transferportal.globus.TransferDocument.Item;
import org.transferportal.support.GlobusPath;

/**
 * Translates a transfer form into the document Transfer expects, checking it field by
 * field on the way, so that nothing invalid is ever sent.
 */
@Component
class FormTranslator {

	private static final int MAX_ITEMS = 10_000;

	private final Clock clock;

	FormTranslator(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The outcome: a document without its submission id, or messages by field name (the
	 * form's parameter names).
	 */
	record Result(TransferDocument document, Map<String, String> errors) {

		boolean valid() {
			return this.errors.isEmpty();
		}

	}

	/** The form as a Transfer document, or what is wrong with it. */
	Result translate(TransferForm form) {
		Map<String, String> oversized = form.oversized();
		if (!oversized.isEmpty()) {
			return new Result(null, oversized);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		UUID source = collection(form.sourceCollection(), "source_collection", errors);
		UUID destination = collection(form.destinationCollection(), "destination_collection", errors);
		List<Item> items = items(form, errors);
		String label = Label.clean(form.label());
		String labelProblem = Label.problem(label);
		if (labelProblem != null) {
			errors.put("label", labelProblem);
		}
		Integer syncLevel = syncLevel(form.syncLevel(), errors);
		String deadline = deadline(form.deadline(), errors);
		List<FilterRule> rules = filterRules(form.filterRules(), errors);
		// An item whose type is not given may be a folder: Transfer decides.
		boolean anyFolder = items.stream().anyMatch((item) -> !Boolean.FALSE.equals(item.recursive()));
		if (!items.isEmpty() && !anyFolder) {
			if (form.deleteDestinationExtra()) {
				errors.put("delete_destination_extra", "Deleting extra destination files needs a folder to transfer");
			}
			if (!rules.isEmpty()) {
				errors.put("filter_rules", "Filter rules apply only when transferring folders");
			}
		}
		String sourceUser = localUser(form.sourceLocalUser(), "source_local_user", errors);
		String destinationUser = localUser(form.destinationLocalUser(), "destination_local_user", errors);
		if (!errors.isEmpty()) {
			return new Result(null, errors);
		}
		TransferDocument document = new TransferDocument(null, source.toString(), destination.toString(),
				label.isEmpty() ? null : label, syncLevel, form.verifyChecksum(), form.preserveTimestamp(),
				form.encryptData(), deadline, form.skipSourceErrors(), form.failOnQuotaErrors(),
				(anyFolder && form.deleteDestinationExtra()) ? Boolean.TRUE : null, form.notifyOnSucceeded(),
				form.notifyOnFailed(), form.notifyOnInactive(), sourceUser, destinationUser,
				rules.isEmpty() ? null : rules, items);
		return new Result(document, errors);
	}

	/**
	 * The problems of the fields a link or a saved form filled in, to show with the form
	 * at once; a field left empty is not a problem until the user submits.
	 */
	Map<String, String> checkGiven(TransferForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!form.sourceCollection().isBlank()) {
			collection(form.sourceCollection(), "source_collection", errors);
		}
		if (!form.destinationCollection().isBlank()) {
			collection(form.destinationCollection(), "destination_collection", errors);
		}
		if (!form.sourcePath().isBlank()) {
			checkPath(form.sourcePath().strip(), "source_path", errors);
		}
		if (!form.destinationPath().isBlank()) {
			checkPath(form.destinationPath().strip(), "destination_path", errors);
		}
		String labelProblem = Label.problem(form.label());
		if (labelProblem != null) {
			errors.put("label", labelProblem);
		}
		return errors;
	}

	private static UUID collection(String text, String field, Map<String, String> errors) {
		String value = text.strip();
		if (value.isEmpty()) {
			errors.put(field, "Choose a collection");
			return null;
		}
		UUID id = CollectionIds.parse(value);
		if (id == null) {
			errors.put(field, CollectionIds.PROBLEM);
		}
		return id;
	}

	private List<Item> items(TransferForm form, Map<String, String> errors) {
		String sourceBase = form.sourcePath().strip();
		String destinationBase = form.destinationPath().strip();
		List<Item> items = new ArrayList<>();
		if (!form.manifest().isBlank()) {
			String base = checkPath(sourceBase.isEmpty() ? "/" : sourceBase, "source_path", errors);
			String destBase = checkPath(destinationBase.isEmpty() ? "/" : destinationBase, "destination_path", errors);
			if (base == null || destBase == null) {
				return items;
			}
			ManifestParser.Result batch = ManifestParser.parse(form.manifest());
			List<String> problems = new ArrayList<>(batch.errors());
			for (ManifestParser.Line line : batch.lines()) {
				String from = resolve(folder(base), line.source());
				String to = resolve(folder(destinationBaseOrRoot(destBase)), line.destination());
				String problem = GlobusPath.problem(from);
				problem = (problem != null) ? problem : GlobusPath.problem(to);
				if (problem == null && Boolean.FALSE.equals(line.recursive()) && from.endsWith("/")) {
					problem = "a path ending in / is a folder, so --no-recursive cannot apply";
				}
				if (problem != null) {
					problems.add("Line " + line.number() + ": " + problem);
				}
				else {
					items.add(item(from, to, from.endsWith("/") ? Boolean.TRUE : line.recursive()));
				}
			}
			if (items.size() > MAX_ITEMS) {
				problems.add("A batch can have at most " + MAX_ITEMS + " items");
			}
			if (!problems.isEmpty()) {
				errors.put("manifest", String.join("\n", problems));
			}
			return items;
		}
		String from = checkPath(sourceBase, "source_path", errors);
		String to = checkPath(destinationBase, "destination_path", errors);
		if (from != null && to != null) {
			items.add(item(from, to, from.endsWith("/") ? Boolean.TRUE : null));
		}
		return items;
	}

	/**
	 * A folder's contents go into the destination folder, as in the CLI. Anything else (a
	 * file, or an item whose type Transfer will find out) keeps its name when the
	 * destination is a folder (ends in {@code /}): Globus wants the full destination path
	 * of each file, and a folder then lands in a folder of its own name.
	 * @param recursive {@code true} for a folder, {@code false} for a file, {@code null}
	 * when not said
	 */
	private static Item item(String from, String to, Boolean recursive) {
		if (Boolean.TRUE.equals(recursive)) {
			return Item.of(folder(from), folder(to), true);
		}
		String destination = to.endsWith("/") ? to + name(from) : to;
		return Item.of(from, destination, recursive);
	}

	private static String destinationBaseOrRoot(String base) {
		return base.isEmpty() ? "/" : base;
	}

	private static String checkPath(String path, String field, Map<String, String> errors) {
		String problem = GlobusPath.problem(path);
		if (problem != null) {
			errors.put(field, problem);
			return null;
		}
		return path;
	}

	private static String resolve(String base, String path) {
		return path.startsWith("/") ? path : base + path;
	}

	private static String folder(String path) {
		return path.endsWith("/") ? path : path + "/";
	}

	private static String name(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

	private static Integer syncLevel(String text, Map<String, String> errors) {
		if (text.isBlank()) {
			return null;
		}
		return switch (text.strip()) {
			case "0", "exists" -> 0;
			case "1", "size" -> 1;
			case "2", "mtime" -> 2;
			case "3", "checksum" -> 3;
			default -> {
				errors.put("sync_level", "Choose when to copy: always, if missing, if size differs, if newer, or "
						+ "if checksums differ");
				yield null;
			}
		};
	}

	/**
	 * A deadline from a {@code datetime-local} field (taken as UTC) or a full ISO-8601
	 * timestamp; it must lie in the future.
	 */
	private String deadline(String text, Map<String, String> errors) {
		if (text.isBlank()) {
			return null;
		}
		OffsetDateTime deadline;
		try {
			deadline = OffsetDateTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			try {
				deadline = LocalDateTime.parse(text.strip()).atOffset(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex2) {
				errors.put("deadline", "Give the deadline as a date and time, e.g. 2030-01-31T18:00");
				return null;
			}
		}
		if (!deadline.toInstant().isAfter(this.clock.instant())) {
			errors.put("deadline", "The deadline must be in the future");
			return null;
		}
		// The form Globus documents: 2017-10-12T12:33:54+00:00.
		return deadline.withOffsetSameInstant(ZoneOffset.UTC)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
	}

	/** Rules, one per line: {@code include|exclude NAME [file|dir]}. */
	private static List<FilterRule> filterRules(String text, Map<String, String> errors) {
		List<FilterRule> rules = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		String[] lines = text.split("\r\n|\r|\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] words = line.split("\\s+");
			boolean methodOk = words[0].equals("include") || words[0].equals("exclude");
			boolean typeOk = words.length < 3 || words[2].equals("file") || words[2].equals("dir");
			if (!methodOk || words.length < 2 || words.length > 3 || !typeOk) {
				problems.add("Line " + (i + 1) + ": write a rule as 'include NAME' or 'exclude NAME', optionally "
						+ "followed by 'file' or 'dir'");
				continue;
			}
			rules.add(new FilterRule(words[0], words[1], (words.length == 3) ? words[2] : null));
		}
		if (!problems.isEmpty()) {
			errors.put("filter_rules", String.join("\n", problems));
		}
		return rules;
	}

	private static String localUser(String text, String field, Map<String, String> errors) {
		String value = text.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (!value.matches("[A-Za-z0-9._@-]{1,64}")) {
			errors.put(field, "A local user name has letters, digits, '.', '_', '@' or '-' only");
			return null;
		}
		return value;
	}

}
