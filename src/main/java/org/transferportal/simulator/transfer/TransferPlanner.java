package org.transferportal.simulator.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.transferportal.simulator.SimCollection;

/**
 * Works out, at submission, what a task will copy or delete and which paths will fail on
 * the storage and how: a source that is missing or unreadable (the demo's failing files
 * among them), a destination nobody may write to or over its quota, a local account the
 * user does not have, a storage that refuses the user's login.
 */
final class TransferPlanner {

	/**
	 * The plan of one task.
	 *
	 * @param steps what to do, in order, each with the error it will meet if any
	 * @param failure the failure the task will end with at its first attempt, or null
	 */
	record Plan(List<SimTask.Step> steps, SimTask.Failure failure) {
	}

	private static final Pattern GLOB = Pattern.compile("(?<!\\\\)[*?\\[]");

	private final SimFileSystem files;

	TransferPlanner(SimFileSystem files) {
		this.files = files;
	}

	/**
	 * The folder {@code /~/} stands for: the local account's home on a mapped collection
	 * (the user's own, or the one asked for), the root of a guest collection.
	 */
	static String home(SimCollection collection, TransferAccess.Caller caller, String localUser) {
		if (collection.isGuest()) {
			return "/";
		}
		return "/home/" + ((localUser != null) ? localUser : caller.identity().localPart()) + "/";
	}

	Plan plan(TransferDocuments.TransferRequest request, SimCollection source, SimCollection destination,
			TransferAccess.Caller caller) {
		Side from = new Side(source, caller, request.sourceLocalUser(), true);
		Side to = new Side(destination, caller, request.destinationLocalUser(), false);
		List<SimTask.Step> steps = new ArrayList<>();
		SimTask.Failure failure = null;
		for (TransferDocuments.Item item : request.items()) {
			String sourcePath = SimFileSystem.normalize(item.sourcePath(), from.home);
			String destinationPath = SimFileSystem.normalize(item.destinationPath(), to.home);
			Optional<SimFileEntry> entry = from.readable(sourcePath) ? this.files.stat(source.id(), sourcePath)
					: Optional.empty();
			if (!from.readable(sourcePath) || entry.isEmpty() || !entry.get().dir()) {
				long size = entry.map(SimFileEntry::size).orElse(0L);
				steps.add(to.check(from.check(SimTask.Step.ok(SimFileSystem.stripSlash(sourcePath),
						SimFileSystem.stripSlash(destinationPath), false, size, false), entry)));
				continue;
			}
			// A folder: recursive, or its type detected when recursive is left out, as
			// Transfer does; "recursive": false says it is a file, which it is not.
			if (Boolean.FALSE.equals(item.recursive())) {
				failure = (failure != null) ? failure : new SimTask.Failure("NOT_A_FILE", "not a file",
						"The source '" + sourcePath + "' is a folder but recursive was false");
				continue;
			}
			String sourceDir = SimFileSystem.asDir(sourcePath);
			String destinationDir = SimFileSystem.asDir(destinationPath);
			steps.add(to.check(SimTask.Step.ok(sourceDir, destinationDir, true, 0, false)));
			List<String> excluded = new ArrayList<>();
			for (String relative : this.files.walk(source.id(), sourceDir)) {
				if (excluded.stream().anyMatch(relative::startsWith)) {
					continue;
				}
				boolean dir = relative.endsWith("/");
				if (!SimFilterRule.included(request.filterRules(), SimFileSystem.nameOf(relative), dir)) {
					if (dir) {
						excluded.add(relative);
					}
					continue;
				}
				if (dir) {
					steps.add(to.check(
							from.check(SimTask.Step.ok(sourceDir + relative, destinationDir + relative, true, 0, false),
									Optional.empty())));
				}
				else {
					Optional<SimFileEntry> file = this.files.stat(source.id(), sourceDir + relative);
					steps.add(to.check(from.check(fileStep(destination, sourceDir + relative, destinationDir + relative,
							file.orElseThrow(), request.syncLevel()), file)));
				}
			}
		}
		return new Plan(withQuota(destination, steps, request.option("fail_on_quota_errors")), failure);
	}

	private SimTask.Step fileStep(SimCollection destination, String sourcePath, String destinationPath,
			SimFileEntry file, Integer syncLevel) {
		boolean skip = false;
		Optional<SimFileEntry> existing = this.files.stat(destination.id(), destinationPath);
		if (syncLevel != null && existing.isPresent() && !existing.get().dir()) {
			skip = switch (syncLevel) {
				case 0 -> true;
				case 2 -> !file.modified().isAfter(existing.get().modified());
				default -> existing.get().size() == file.size();
			};
		}
		return SimTask.Step.ok(sourcePath, destinationPath, false, file.size(), skip);
	}

	/**
	 * The files that would take the destination over its quota fail with QUOTA_EXCEEDED.
	 */
	private List<SimTask.Step> withQuota(SimCollection destination, List<SimTask.Step> steps, boolean failOnQuota) {
		if (destination.quotaBytes() == null) {
			return List.copyOf(steps);
		}
		long used = this.files.usage(destination.id());
		List<SimTask.Step> checked = new ArrayList<>();
		for (SimTask.Step step : steps) {
			if (step.good() && !step.dir() && !step.syncSkip()) {
				if (used + step.size() > destination.quotaBytes()) {
					checked.add(step.failing("QUOTA_EXCEEDED", false));
					continue;
				}
				used += step.size();
			}
			checked.add(step);
		}
		return List.copyOf(checked);
	}

	Plan planDelete(TransferDocuments.DeleteRequest request, SimCollection collection, TransferAccess.Caller caller) {
		Side side = new Side(collection, caller, request.localUser(), true);
		List<SimTask.Step> steps = new ArrayList<>();
		SimTask.Failure failure = null;
		for (String raw : request.paths()) {
			String path = SimFileSystem.normalize(raw, side.home);
			for (String target : request.interpretGlobs() ? expand(collection, path) : List.of(path)) {
				Optional<SimFileEntry> entry = this.files.stat(collection.id(), SimFileSystem.stripSlash(target));
				boolean missing = entry.isEmpty() || "FILE_NOT_FOUND".equals(entry.get().fault());
				if (!side.writable(target) || "/".equals(target) || (!missing && entry.get().fault() != null)) {
					steps.add(
							SimTask.Step
								.ok(SimFileSystem.stripSlash(target), null, entry.map(SimFileEntry::dir).orElse(false),
										0, false)
								.failing("PERMISSION_DENIED", true));
				}
				else if (missing) {
					// A delete fails at once on a missing path (CLI fixture
					// submit_delete_failed) unless told to ignore it.
					if (!request.ignoreMissing()) {
						failure = (failure != null) ? failure
								: new SimTask.Failure("FILE_NOT_FOUND", "file not found", target);
					}
				}
				else if (entry.get().dir() && !request.recursive()) {
					failure = (failure != null) ? failure : new SimTask.Failure("NOT_A_FILE", "not a file",
							"'" + target + "' is a folder but recursive was not set");
				}
				else {
					steps.add(SimTask.Step.ok(SimFileSystem.stripSlash(target), null, entry.get().dir(), 0, false));
				}
			}
		}
		return new Plan(List.copyOf(steps), failure);
	}

	/** The paths a glob in the last component names ({@code interpret_globs}). */
	private List<String> expand(SimCollection collection, String path) {
		String name = SimFileSystem.nameOf(path);
		if (!GLOB.matcher(name).find()) {
			return List.of(path.replace("\\", ""));
		}
		String parent = SimFileSystem.parentOf(path);
		List<String> matches = this.files.list(collection.id(), parent)
			.orElse(List.of())
			.stream()
			.filter((e) -> SimFilterRule.glob(name).matcher(e.name()).matches())
			.map((e) -> parent + e.name())
			.toList();
		return matches.isEmpty() ? List.of(path) : matches;
	}

	/**
	 * One end of a task: its collection, the home folder of its local account, and the
	 * errors its storage gives this caller.
	 */
	private static final class Side {

		private final SimCollection collection;

		private final String home;

		private final boolean source;

		/** Set when the storage refuses the caller outright, with the error it gives. */
		private final String refusal;

		Side(SimCollection collection, TransferAccess.Caller caller, String localUser, boolean source) {
			this.collection = collection;
			this.source = source;
			this.home = home(collection, caller, localUser);
			String domain = collection.storageDomain();
			if (domain != null && !domain.equalsIgnoreCase(caller.token().session().domain())) {
				this.refusal = "AUTH";
			}
			else if (localUser != null && !caller.accounts().contains(localUser)) {
				this.refusal = "PERMISSION_DENIED";
			}
			else {
				this.refusal = null;
			}
		}

		boolean readable(String path) {
			return this.refusal == null && !restricted(path);
		}

		boolean writable(String path) {
			return readable(path) && !this.collection.readOnly(path);
		}

		/**
		 * The step with the error the source's storage gives it: a refusal, a missing or
		 * unreadable path, or one of the demo's failing files.
		 */
		SimTask.Step check(SimTask.Step step, Optional<SimFileEntry> entry) {
			if (this.refusal != null) {
				return step.failing(this.refusal, !"AUTH".equals(this.refusal));
			}
			if (restricted(step.sourcePath())) {
				return step.failing("PERMISSION_DENIED", true);
			}
			if (!step.dir() && entry.isEmpty()) {
				return step.failing("FILE_NOT_FOUND", true);
			}
			if (entry.isPresent() && entry.get().fault() != null) {
				return step.failing(entry.get().fault(), true);
			}
			return step;
		}

		/** The step with the error the destination's storage gives it, if any. */
		SimTask.Step check(SimTask.Step step) {
			if (!step.good() || this.source) {
				return step;
			}
			if (this.refusal != null) {
				return step.failing(this.refusal, false);
			}
			if (restricted(step.destinationPath()) || this.collection.readOnly(step.destinationPath())) {
				return step.failing("PERMISSION_DENIED", false);
			}
			return step;
		}

		private static boolean restricted(String path) {
			return path.equals("/restricted") || path.startsWith("/restricted/");
		}

	}

}
