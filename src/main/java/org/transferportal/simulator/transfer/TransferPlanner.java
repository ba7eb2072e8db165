package org.transferportal.simulator.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.transferportal.simulator.SimCollection;

/**
 * Works out, at submission, which files a task will copy or delete, and whether it will
 * fail because a source is missing.
 */
final class TransferPlanner {

	/**
	 * The plan of one task.
	 *
	 * @param steps what to do, in order
	 * @param bytes bytes to move
	 * @param error the fatal error the task will end with, or null
	 */
	record Plan(List<SimTask.Step> steps, long bytes, Map<String, String> error) {
	}

	private final SimFileSystem files;

	TransferPlanner(SimFileSystem files) {
		this.files = files;
	}

	static String home(SimCollection collection, TransferAccess.Caller caller) {
		return collection.isGuest() ? "/" : caller.home();
	}

	Plan plan(SimCollection source, SimCollection destination, TransferAccess.Caller caller, JsonNode items,
			Integer syncLevel, List<SimFilterRule> rules) {
		List<SimTask.Step> steps = new ArrayList<>();
		Map<String, String> error = null;
		for (JsonNode item : items) {
			String sourcePath = SimFileSystem.normalize(item.get("source_path").asString(), home(source, caller));
			String destinationPath = SimFileSystem.normalize(item.get("destination_path").asString(),
					home(destination, caller));
			boolean recursive = item.path("recursive").asBoolean(false);
			if (sourcePath.startsWith("/restricted") || destinationPath.startsWith("/restricted")) {
				error = (error != null) ? error : fatal("PERMISSION_DENIED", "permission denied", sourcePath);
				continue;
			}
			Optional<SimFileEntry> entry = this.files.stat(source.id(), sourcePath);
			if (entry.isEmpty()) {
				error = (error != null) ? error : fatal("FILE_NOT_FOUND", "file not found", sourcePath);
				continue;
			}
			if (!entry.get().dir()) {
				steps.add(fileStep(source, destination, sourcePath, SimFileSystem.stripSlash(destinationPath),
						entry.get(), syncLevel));
				continue;
			}
			if (!recursive) {
				error = (error != null) ? error
						: fatal("NOT_A_FILE", "the source is a folder but recursive was not set", sourcePath);
				continue;
			}
			String sourceDir = SimFileSystem.asDir(sourcePath);
			String destinationDir = SimFileSystem.asDir(destinationPath);
			steps.add(new SimTask.Step(sourceDir, destinationDir, true, 0, false));
			List<String> excluded = new ArrayList<>();
			for (String relative : this.files.walk(source.id(), sourceDir)) {
				if (excluded.stream().anyMatch(relative::startsWith)) {
					continue;
				}
				boolean dir = relative.endsWith("/");
				String name = SimFileSystem.nameOf(relative);
				if (!SimFilterRule.included(rules, name, dir)) {
					if (dir) {
						excluded.add(relative);
					}
					continue;
				}
				if (dir) {
					steps.add(new SimTask.Step(sourceDir + relative, destinationDir + relative, true, 0, false));
				}
				else {
					SimFileEntry file = this.files.stat(source.id(), sourceDir + relative).orElseThrow();
					steps.add(fileStep(source, destination, sourceDir + relative, destinationDir + relative, file,
							syncLevel));
				}
			}
		}
		long bytes = steps.stream().filter((s) -> !s.dir() && !s.skip()).mapToLong(SimTask.Step::size).sum();
		return new Plan(List.copyOf(steps), bytes, error);
	}

	private SimTask.Step fileStep(SimCollection source, SimCollection destination, String sourcePath,
			String destinationPath, SimFileEntry file, Integer syncLevel) {
		boolean skip = false;
		Optional<SimFileEntry> existing = this.files.stat(destination.id(), destinationPath);
		if (syncLevel != null && existing.isPresent() && !existing.get().dir()) {
			skip = switch (syncLevel) {
				case 0 -> true;
				case 2 -> !file.modified().isAfter(existing.get().modified());
				default -> existing.get().size() == file.size();
			};
		}
		return new SimTask.Step(sourcePath, destinationPath, false, file.size(), skip);
	}

	Plan planDelete(SimCollection collection, TransferAccess.Caller caller, JsonNode items, boolean recursive,
			boolean ignoreMissing) {
		List<SimTask.Step> steps = new ArrayList<>();
		Map<String, String> error = null;
		for (JsonNode item : items) {
			String path = SimFileSystem.normalize(item.get("path").asString(), home(collection, caller));
			Optional<SimFileEntry> entry = this.files.stat(collection.id(), path);
			if (path.startsWith("/restricted")) {
				error = (error != null) ? error : fatal("PERMISSION_DENIED", "permission denied", path);
			}
			else if (entry.isEmpty()) {
				if (!ignoreMissing) {
					error = (error != null) ? error : fatal("FILE_NOT_FOUND", "file not found", path);
				}
			}
			else if (entry.get().dir() && !recursive) {
				error = (error != null) ? error
						: fatal("NOT_A_FILE", "the path is a folder but recursive was not set", path);
			}
			else {
				steps.add(new SimTask.Step(path, null, entry.get().dir(), 0, false));
			}
		}
		return new Plan(List.copyOf(steps), 0, error);
	}

	private static Map<String, String> fatal(String code, String description, String path) {
		return Map.of("code", code, "description", description, "details", description + ": " + path);
	}

}
