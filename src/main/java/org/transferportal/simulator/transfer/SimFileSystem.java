package org.transferportal.simulator.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import tools.jackson.databind.JsonNode;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.SimIdentity;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The file trees of the simulated collections, seeded from {@code simulator/files.json};
 * home folders and the 10,000-file folder are generated.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class SimFileSystem {

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final int BIG_FOLDER_SIZE = 10_000;

	private static final Instant SEED_TIME = Instant.parse("2024-03-14T09:26:53Z");

	/** collection id → folder path (ending in "/") → entries by name. */
	private final Map<String, Map<String, NavigableMap<String, SimFileEntry>>> trees = new ConcurrentHashMap<>();

	SimFileSystem(CollectionCatalog collections, IdentityDirectory identities) {
		JsonNode seed = SimJson.resource("simulator/files.json");
		for (SimCollection collection : collections.all()) {
			if (collection.nonFunctional()) {
				continue;
			}
			Map<String, NavigableMap<String, SimFileEntry>> tree = new ConcurrentHashMap<>();
			tree.put("/", new ConcurrentSkipListMap<>());
			this.trees.put(collection.id(), tree);
			if (!collection.isGuest()) {
				for (SimIdentity identity : identities.loginIdentities()) {
					if (collection.isPersonal() && !identity.username().equals(collection.owner())) {
						continue;
					}
					mkdirs(collection.id(), "/home/" + identity.localPart() + "/", identity.localPart(), SEED_TIME);
				}
			}
			for (JsonNode file : seed.path(collection.id())) {
				String path = file.get("path").asString();
				if (path.endsWith("/")) {
					mkdirs(collection.id(), path, file.path("user").asString("lab"), SEED_TIME);
				}
				else {
					putFile(collection.id(), path, file.path("size").asLong(0), file.path("user").asString("lab"),
							SEED_TIME, file.hasNonNull("fault") ? file.get("fault").asString() : null);
				}
			}
		}
		for (int i = 0; i < BIG_FOLDER_SIZE; i++) {
			putFile(LAB_DATA, String.format("/projects/big/sample-%05d.dat", i), 1024L + (i * 7919L) % 1_000_000,
					"alice", SEED_TIME.plusSeconds(i * 60L));
		}
	}

	boolean hasCollection(String collectionId) {
		return this.trees.containsKey(collectionId);
	}

	Optional<SimFileEntry> stat(String collectionId, String path) {
		if ("/".equals(path)) {
			return Optional.of(new SimFileEntry("/", true, 4096, SEED_TIME, "root", "root", null, null));
		}
		String parent = parentOf(path);
		NavigableMap<String, SimFileEntry> folder = tree(collectionId).get(parent);
		return Optional.ofNullable((folder != null) ? folder.get(nameOf(path)) : null);
	}

	/** The entries of a folder, or empty when the path is no folder. */
	Optional<List<SimFileEntry>> list(String collectionId, String dirPath) {
		NavigableMap<String, SimFileEntry> folder = tree(collectionId).get(asDir(dirPath));
		return Optional.ofNullable((folder != null) ? new ArrayList<>(folder.values()) : null);
	}

	synchronized void mkdirs(String collectionId, String dirPath, String user, Instant time) {
		Map<String, NavigableMap<String, SimFileEntry>> tree = tree(collectionId);
		String dir = asDir(dirPath);
		if (tree.containsKey(dir)) {
			return;
		}
		String parent = parentOf(dir);
		mkdirs(collectionId, parent, user, time);
		tree.get(parent).put(nameOf(dir), new SimFileEntry(nameOf(dir), true, 4096, time, user, "lab", null, null));
		tree.put(dir, new ConcurrentSkipListMap<>());
	}

	void putFile(String collectionId, String path, long size, String user, Instant time) {
		putFile(collectionId, path, size, user, time, null);
	}

	synchronized void putFile(String collectionId, String path, long size, String user, Instant time, String fault) {
		putFile(collectionId, path, size, user, time, fault, SimContent.virtual(collectionId + ":" + path));
	}

	/** A copy of a file, reading as its source does. */
	void putCopy(String collectionId, String path, long size, String user, Instant time, SimContent content) {
		putFile(collectionId, path, size, user, time, null,
				(content != null) ? content : SimContent.virtual(collectionId + ":" + path));
	}

	/** A file an HTTPS upload wrote, replacing any file of that name. */
	void putUploaded(String collectionId, String path, byte[] bytes, String user, Instant time) {
		putFile(collectionId, path, bytes.length, user, time, null, SimContent.stored(bytes));
	}

	private synchronized void putFile(String collectionId, String path, long size, String user, Instant time,
			String fault, SimContent content) {
		String parent = parentOf(path);
		mkdirs(collectionId, parent, user, time);
		tree(collectionId).get(parent)
			.put(nameOf(path), new SimFileEntry(nameOf(path), false, size, time, user, "lab", fault, content));
	}

	/** Bytes of the files uploaded over HTTPS, which the simulator keeps in memory. */
	long storedBytes() {
		return this.trees.values()
			.stream()
			.flatMap((tree) -> tree.values().stream())
			.flatMap((folder) -> folder.values().stream())
			.filter((e) -> e.content() != null && e.content().isStored())
			.mapToLong(SimFileEntry::size)
			.sum();
	}

	/** Bytes of all the files a collection holds. */
	long usage(String collectionId) {
		return tree(collectionId).values()
			.stream()
			.flatMap((folder) -> folder.values().stream())
			.filter((e) -> !e.dir())
			.mapToLong(SimFileEntry::size)
			.sum();
	}

	/** Every file below a folder as paths relative to it, folders too (ending in "/"). */
	List<String> walk(String collectionId, String dirPath) {
		List<String> result = new ArrayList<>();
		walk(tree(collectionId), asDir(dirPath), "", result);
		return result;
	}

	private void walk(Map<String, NavigableMap<String, SimFileEntry>> tree, String dir, String prefix,
			List<String> result) {
		NavigableMap<String, SimFileEntry> folder = tree.get(dir);
		if (folder == null) {
			return;
		}
		for (SimFileEntry entry : folder.values()) {
			if (entry.dir()) {
				result.add(prefix + entry.name() + "/");
				walk(tree, dir + entry.name() + "/", prefix + entry.name() + "/", result);
			}
			else {
				result.add(prefix + entry.name());
			}
		}
	}

	synchronized void rename(String collectionId, String oldPath, String newPath) {
		Map<String, NavigableMap<String, SimFileEntry>> tree = tree(collectionId);
		SimFileEntry entry = stat(collectionId, oldPath).orElseThrow();
		tree.get(parentOf(oldPath)).remove(entry.name());
		String target = entry.dir() ? asDir(newPath) : stripSlash(newPath);
		tree.get(parentOf(target)).put(nameOf(target), entry.renamed(nameOf(target)));
		if (entry.dir()) {
			String oldDir = asDir(oldPath);
			for (String key : List.copyOf(tree.keySet())) {
				if (key.startsWith(oldDir)) {
					tree.put(target + key.substring(oldDir.length()), tree.remove(key));
				}
			}
		}
	}

	synchronized void delete(String collectionId, String path) {
		Map<String, NavigableMap<String, SimFileEntry>> tree = tree(collectionId);
		Optional<SimFileEntry> entry = stat(collectionId, path);
		if (entry.isEmpty() || "/".equals(path)) {
			return;
		}
		tree.get(parentOf(path)).remove(entry.get().name());
		if (entry.get().dir()) {
			String dir = asDir(path);
			tree.keySet().removeIf((key) -> key.startsWith(dir));
		}
	}

	private Map<String, NavigableMap<String, SimFileEntry>> tree(String collectionId) {
		Map<String, NavigableMap<String, SimFileEntry>> tree = this.trees.get(collectionId);
		if (tree == null) {
			throw new IllegalStateException("No file tree for " + collectionId);
		}
		return tree;
	}

	static String asDir(String path) {
		return path.endsWith("/") ? path : path + "/";
	}

	static String stripSlash(String path) {
		return ("/".equals(path) || !path.endsWith("/")) ? path : path.substring(0, path.length() - 1);
	}

	static String parentOf(String path) {
		String p = stripSlash(path);
		return p.substring(0, p.lastIndexOf('/') + 1);
	}

	static String nameOf(String path) {
		String p = stripSlash(path);
		return p.substring(p.lastIndexOf('/') + 1);
	}

	/**
	 * Resolves a requested path: {@code /~/} is the home folder, {@code .} and {@code ..}
	 * are applied, repeated slashes collapse; a trailing slash is kept.
	 */
	static String normalize(String raw, String home) {
		String path = raw;
		if (path.equals("~") || path.equals("/~")) {
			path = home;
		}
		else if (path.startsWith("~/")) {
			path = home + path.substring(2);
		}
		else if (path.startsWith("/~/")) {
			path = home + path.substring(3);
		}
		if (!path.startsWith("/")) {
			throw TransferError.badRequest("Path must be absolute: '" + raw + "'");
		}
		boolean trailing = path.endsWith("/");
		List<String> parts = new ArrayList<>();
		for (String part : path.split("/")) {
			if (part.isEmpty() || part.equals(".")) {
				continue;
			}
			if (part.equals("..")) {
				if (!parts.isEmpty()) {
					parts.remove(parts.size() - 1);
				}
				continue;
			}
			parts.add(part);
		}
		String joined = "/" + String.join("/", parts);
		return (trailing && !parts.isEmpty()) ? joined + "/" : joined;
	}

}
