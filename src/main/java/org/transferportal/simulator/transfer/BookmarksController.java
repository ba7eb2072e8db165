package org.transferportal.simulator.transfer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulated Transfer bookmarks, per user (reference §2.0).
 */
@RestController
@RequestMapping(TransferErrorHandler.BASE)
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class BookmarksController {

	/**
	 * One bookmark.
	 *
	 * @param id bookmark id
	 * @param name unique name per user
	 * @param endpointId collection id
	 * @param path folder path
	 * @param pinned pinned flag
	 */
	record Bookmark(String id, String name, String endpointId, String path, boolean pinned) {

		Map<String, Object> json() {
			return SimJson.object("DATA_TYPE", "bookmark", "id", this.id, "name", this.name, "endpoint_id",
					this.endpointId, "path", this.path, "pinned", this.pinned);
		}

	}

	private static final Set<String> CREATE_FIELDS = Set.of("DATA_TYPE", "name", "endpoint_id", "path", "pinned");

	private static final Set<String> UPDATE_FIELDS = Set.of("DATA_TYPE", "name", "pinned");

	private final Map<String, Map<String, Bookmark>> byUser = new ConcurrentHashMap<>();

	private final TransferAccess access;

	BookmarksController(TransferAccess access) {
		this.access = access;
	}

	@GetMapping("/bookmark_list")
	ResponseEntity<String> list(HttpServletRequest request) {
		return guarded(request, (caller) -> SimJson.respond(200, SimJson.object("DATA_TYPE", "bookmark_list", "DATA",
				bookmarks(caller).values().stream().map(Bookmark::json).toList())));
	}

	@PostMapping("/bookmark")
	ResponseEntity<String> create(@RequestBody(required = false) String body, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			JsonNode doc = bookmarkDoc(body, CREATE_FIELDS);
			String endpointId = TransferDocuments.requiredString(doc, "endpoint_id");
			this.access.collection(endpointId);
			String path = TransferDocuments.absolute(TransferDocuments.requiredString(doc, "path"), "path");
			// A bookmark is a folder: the CLI documents "PATH must be a directory and end
			// with '/'".
			if (!path.endsWith("/")) {
				throw TransferError.badRequest("A bookmark's path must be a folder ending in '/': '" + path + "'");
			}
			String name = name(doc);
			Map<String, Bookmark> mine = bookmarks(caller);
			synchronized (mine) {
				unique(mine, name, null);
				Bookmark bookmark = new Bookmark(UUID.randomUUID().toString(), name, endpointId, path,
						Boolean.TRUE.equals(TransferDocuments.optionalBoolean(doc, "pinned")));
				mine.put(bookmark.id(), bookmark);
				return SimJson.respond(200, bookmark.json());
			}
		});
	}

	@GetMapping("/bookmark/{id}")
	ResponseEntity<String> get(@PathVariable String id, HttpServletRequest request) {
		return guarded(request, (caller) -> SimJson.respond(200, find(caller, id).json()));
	}

	@PutMapping("/bookmark/{id}")
	ResponseEntity<String> update(@PathVariable String id, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			Bookmark existing = find(caller, id);
			JsonNode doc = bookmarkDoc(body, UPDATE_FIELDS);
			String name = doc.has("name") ? name(doc) : existing.name();
			Map<String, Bookmark> mine = bookmarks(caller);
			synchronized (mine) {
				unique(mine, name, id);
				Bookmark updated = new Bookmark(id, name, existing.endpointId(), existing.path(),
						doc.has("pinned") ? TransferDocuments.optionalBoolean(doc, "pinned") : existing.pinned());
				mine.put(id, updated);
				return SimJson.respond(200, updated.json());
			}
		});
	}

	@DeleteMapping("/bookmark/{id}")
	ResponseEntity<String> delete(@PathVariable String id, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			find(caller, id);
			bookmarks(caller).remove(id);
			return SimJson.respond(200,
					SimJson.object("DATA_TYPE", "result", "code", "Deleted", "message", "Bookmark deleted successfully",
							"request_id", SimJson.requestId(), "resource", TransferErrorHandler.resource(request)));
		});
	}

	private Map<String, Bookmark> bookmarks(TransferAccess.Caller caller) {
		return this.byUser.computeIfAbsent(caller.id(),
				(k) -> java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>()));
	}

	private Bookmark find(TransferAccess.Caller caller, String id) {
		return Optional.ofNullable(bookmarks(caller).get(id))
			.orElseThrow(() -> new TransferError(404, "BookmarkNotFound", "No such bookmark '" + id + "'"));
	}

	private static JsonNode bookmarkDoc(String body, Set<String> fields) {
		JsonNode doc = TransferDocuments.parseObject(body);
		TransferDocuments.knownFields(doc, fields, "bookmark");
		if (doc.has("DATA_TYPE") && !"bookmark".equals(doc.get("DATA_TYPE").asString(""))) {
			throw TransferDocuments.schema("DATA_TYPE must be 'bookmark'");
		}
		return doc;
	}

	private static String name(JsonNode doc) {
		String name = TransferDocuments.requiredString(doc, "name");
		if (name.length() > 128 || name.contains("\n") || name.isBlank()) {
			throw TransferError.badRequest("name must be 1..128 characters without newlines");
		}
		return name;
	}

	private static void unique(Map<String, Bookmark> mine, String name, String exceptId) {
		List<Bookmark> same = mine.values()
			.stream()
			.filter((b) -> b.name().equals(name) && !b.id().equals(exceptId))
			.toList();
		if (!same.isEmpty()) {
			throw new TransferError(409, "Conflict", "A bookmark named '" + name + "' already exists");
		}
	}

	private ResponseEntity<String> guarded(HttpServletRequest request,
			Function<TransferAccess.Caller, ResponseEntity<String>> handler) {
		Optional<ResponseEntity<String>> fault = this.access.fault(request);
		if (fault.isPresent()) {
			return fault.get();
		}
		return handler.apply(this.access.authenticate(request));
	}

}
