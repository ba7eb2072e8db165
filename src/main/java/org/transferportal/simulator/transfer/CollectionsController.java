package org.transferportal.simulator.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulated Transfer collection endpoints: get, search, ls, stat, mkdir and rename
 * (reference §2.1–§2.3).
 */
@RestController
@RequestMapping(TransferErrorHandler.BASE)
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class CollectionsController {

	static final int LS_MAX = 100_000;

	/** The scopes the SDK documents as conflicting with {@code filter_owner_id}. */
	private static final List<String> OWNER_SCOPES = List.of("my-endpoints", "my-gcp-endpoints", "shared-by-me");

	private static final List<String> SCOPES = List.of("all", "administered-by-me", "my-endpoints", "my-gcp-endpoints",
			"recently-used", "in-use", "shared-by-me", "shared-with-me");

	private final TransferAccess access;

	private final CollectionCatalog catalog;

	private final SimFileSystem files;

	private final TaskEngine engine;

	CollectionsController(TransferAccess access, CollectionCatalog catalog, SimFileSystem files, TaskEngine engine) {
		this.access = access;
		this.catalog = catalog;
		this.files = files;
		this.engine = engine;
	}

	@GetMapping("/endpoint/{id}")
	ResponseEntity<String> endpoint(@PathVariable String id, HttpServletRequest request) {
		return guarded(request, (caller) -> SimJson.respond(200, document(this.access.collection(id, caller), caller)));
	}

	@GetMapping("/endpoint_search")
	ResponseEntity<String> search(@RequestParam(name = "filter_fulltext", required = false) String fulltext,
			@RequestParam(name = "filter_scope", defaultValue = "all") String scope,
			@RequestParam(name = "filter_entity_type", required = false) String entityType,
			@RequestParam(name = "filter_non_functional", required = false) String nonFunctional,
			@RequestParam(name = "filter_owner_id", required = false) String ownerId,
			@RequestParam(name = "filter_host_endpoint", required = false) String hostEndpoint,
			@RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "0") int offset,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			if (!SCOPES.contains(scope)) {
				throw TransferError.badRequest("Invalid filter_scope '" + scope + "'");
			}
			if ("all".equals(scope) && (fulltext == null || fulltext.isBlank())) {
				throw TransferError.badRequest("filter_fulltext is required when filter_scope is 'all'");
			}
			if (entityType != null && nonFunctional != null) {
				throw TransferError.badRequest("filter_non_functional and filter_entity_type are exclusive");
			}
			if (ownerId != null && OWNER_SCOPES.contains(scope)) {
				throw TransferError.badRequest("filter_owner_id cannot be combined with filter_scope '" + scope + "'");
			}
			if (limit < 1 || limit > 100 || offset < 0 || offset + limit > 1000) {
				throw TransferError.badRequest("limit must be 1..100 and offset + limit at most 1000");
			}
			List<SimCollection> candidates = inScope(scope, caller);
			List<Map<String, Object>> ranked = new ArrayList<>();
			for (SimCollection collection : candidates) {
				double rank = (fulltext == null || fulltext.isBlank()) ? 1.0 : rank(collection, fulltext);
				boolean keep = rank > 0 && (entityType == null || entityType.equals(collection.entityType()))
						&& (nonFunctional == null
								|| ("1".equals(nonFunctional) || "true".equals(nonFunctional)) == collection
									.nonFunctional())
						&& (ownerId == null || ownerId.equals(collection.ownerId()))
						&& (hostEndpoint == null || hostEndpoint.equals(collection.hostEndpointId()));
				if (keep) {
					Map<String, Object> doc = document(collection, caller);
					doc.put("_rank", rank);
					ranked.add(doc);
				}
			}
			if (fulltext != null && !fulltext.isBlank()) {
				ranked.sort(Comparator.comparing((Map<String, Object> d) -> (Double) d.get("_rank")).reversed());
			}
			List<Map<String, Object>> page = ranked.stream().skip(offset).limit(limit).toList();
			return SimJson.respond(200, SimJson.object("DATA_TYPE", "endpoint_list", "DATA", page, "has_next_page",
					offset + limit < ranked.size(), "limit", limit, "offset", offset));
		});
	}

	private List<SimCollection> inScope(String scope, TransferAccess.Caller caller) {
		String username = caller.identity().username();
		return switch (scope) {
			case "administered-by-me" ->
				this.catalog.all().stream().filter((c) -> c.administrators().contains(username)).toList();
			// Owned by the caller's identity: GCSv5 endpoints and collections belong to
			// their endpoint, so only Globus Connect Personal collections can be "mine".
			case "my-endpoints" -> this.catalog.all().stream().filter((c) -> caller.id().equals(c.ownerId())).toList();
			case "shared-by-me" ->
				this.catalog.all().stream().filter((c) -> c.isGuest() && username.equals(c.owner())).toList();
			case "shared-with-me" ->
				this.catalog.all().stream().filter((c) -> c.isGuest() && c.sharedWith().contains(username)).toList();
			case "my-gcp-endpoints" ->
				this.catalog.all().stream().filter((c) -> c.isPersonal() && caller.id().equals(c.ownerId())).toList();
			case "recently-used" -> this.engine.recentCollections(caller.id())
				.stream()
				.map(this.catalog::find)
				.flatMap(Optional::stream)
				.toList();
			case "in-use" -> {
				Set<String> ids = new LinkedHashSet<>();
				for (SimTask task : this.engine.tasksOf(caller.id())) {
					if ("ACTIVE".equals(task.status)) {
						ids.addAll(task.collections());
					}
				}
				yield ids.stream().map(this.catalog::find).flatMap(Optional::stream).toList();
			}
			default -> this.catalog.all().stream().filter((c) -> c.visibleTo(caller.id())).toList();
		};
	}

	private static double rank(SimCollection collection, String fulltext) {
		double rank = 0;
		for (String term : fulltext.toLowerCase(Locale.ROOT).split("\\s+")) {
			if (term.isEmpty()) {
				continue;
			}
			if (collection.id().equals(term)) {
				rank += 10;
			}
			if (contains(collection.displayName(), term)) {
				rank += 3;
			}
			if (contains(collection.keywords(), term) || contains(collection.organization(), term)) {
				rank += 1;
			}
			if (contains(collection.description(), term) || contains(collection.owner(), term)) {
				rank += 0.5;
			}
		}
		return rank;
	}

	private static boolean contains(String text, String term) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(term);
	}

	Map<String, Object> document(SimCollection c, TransferAccess.Caller caller) {
		boolean endpoint = c.nonFunctional();
		String ownerString = c.ownerString();
		// A Globus Connect Personal collection has no GCS host, manager or servers.
		boolean gcs = c.gcsHost() != null;
		String shortHost = gcs ? c.gcsHost().substring(0, c.gcsHost().indexOf('.')) : null;
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("DATA_TYPE", "endpoint");
		doc.put("id", c.id());
		doc.put("display_name", c.displayName());
		doc.put("canonical_name", null);
		doc.put("entity_type", c.entityType());
		doc.put("high_assurance", c.highAssurance());
		doc.put("non_functional", c.nonFunctional());
		doc.put("owner_id", c.ownerId());
		doc.put("owner_string", ownerString);
		doc.put("username", ownerString);
		doc.put("description", c.description());
		doc.put("organization", c.organization());
		doc.put("department", null);
		doc.put("keywords", c.keywords());
		doc.put("contact_email", null);
		doc.put("contact_info", null);
		doc.put("info_link", null);
		doc.put("user_message", null);
		doc.put("user_message_link", null);
		doc.put("default_directory", endpoint ? null : (c.isGuest() ? "/" : "/~/"));
		doc.put("public", c.isPublic());
		doc.put("shareable", !endpoint && !c.isGuest() && !c.highAssurance());
		doc.put("host_endpoint_id", c.hostEndpointId());
		doc.put("mapped_collection_id", c.hostEndpointId());
		doc.put("subscription_id", gcs ? "964be8f5-5f9b-11e4-b64e-12313940394d" : null);
		doc.put("force_encryption", c.highAssurance());
		doc.put("disable_verify", false);
		doc.put("gcs_manager_url", gcs ? "https://" + c.gcsHost() : null);
		doc.put("gcs_version", gcs ? "5.4.78" : null);
		// The simulated HTTPS server of the collection answers under the simulator's own
		// address (HttpsServerController), so that the demo can download and upload.
		doc.put("https_server", (gcs && c.https() && !endpoint) ? HttpsServerController.baseUrl(c.id()) : null);
		doc.put("tlsftp_server", (gcs && !endpoint) ? "tlsftp://m-" + shortHost + "." + c.gcsHost() + ":443" : null);
		doc.put("authentication_assurance_timeout", c.authenticationAssuranceTimeout());
		doc.put("authentication_timeout_mins", c.authenticationAssuranceTimeout());
		doc.put("mfa_required", false);
		doc.put("is_globus_connect", c.isPersonal());
		doc.put("gcp_connected", c.isPersonal() ? Boolean.TRUE : null);
		doc.put("gcp_paused", c.isPersonal() ? Boolean.FALSE : null);
		doc.put("local_user_info_available", "GCSv5_mapped_collection".equals(c.entityType()));
		doc.put("my_effective_roles", roles(c, caller));
		doc.put("DATA", List.of(SimJson.object("DATA_TYPE", "server", "hostname", c.gcsHost(), "port", gcs ? 443 : null,
				"scheme", "gsiftp", "subject", null, "is_connected", true, "is_paused", false)));
		return doc;
	}

	private static List<String> roles(SimCollection c, TransferAccess.Caller caller) {
		String username = caller.identity().username();
		if (c.administrators().contains(username)) {
			return List.of("administrator");
		}
		return List.of();
	}

	@GetMapping("/operation/endpoint/{id}/ls")
	ResponseEntity<String> ls(@PathVariable String id, @RequestParam(required = false) String path,
			@RequestParam(name = "show_hidden", defaultValue = "1") String showHidden,
			@RequestParam(required = false) String orderby, @RequestParam(required = false) List<String> filter,
			@RequestParam(defaultValue = "100000") int limit, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(name = "local_user", required = false) String localUser, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimCollection collection = usable(id, caller, "ExternalError.DirListingFailed");
			String home = home(collection, caller, localUser);
			if (limit < 0 || limit > LS_MAX || offset < 0) {
				throw TransferError.badRequest("limit must be 0.." + LS_MAX + " and offset non-negative");
			}
			String raw = (path != null && !path.isEmpty()) ? path : (collection.isGuest() ? "/" : "/~/");
			String resolved = SimFileSystem.asDir(SimFileSystem.normalize(raw, home));
			TransferAccess.checkPathAllowed(collection, resolved);
			Optional<List<SimFileEntry>> entries = this.files.list(collection.id(), resolved);
			if (entries.isEmpty()) {
				boolean isFile = this.files.stat(collection.id(), SimFileSystem.stripSlash(resolved)).isPresent();
				if (isFile) {
					throw new TransferError(502, "ExternalError.DirListingFailed.NotDirectory",
							"Directory listing failed: '" + SimFileSystem.stripSlash(resolved)
									+ "' is not a directory");
				}
				throw TransferError
					.notFound("Directory '" + resolved + "' not found on '" + collection.displayName() + "'");
			}
			List<SimFileEntry> list = new ArrayList<>(entries.get());
			if ("0".equals(showHidden) || "false".equalsIgnoreCase(showHidden)) {
				list.removeIf((e) -> e.name().startsWith("."));
			}
			Predicate<SimFileEntry> predicate = LsFilter.parse(filter);
			list.removeIf(predicate.negate());
			list.sort(LsFilter.order(orderby));
			List<Map<String, Object>> page = list.stream().skip(offset).limit(limit).map(this::fileJson).toList();
			Map<String, Object> body = SimJson.object("DATA_TYPE", "file_list", "endpoint", collection.id(), "path",
					resolved, "absolute_path", null, "length", page.size(), "total", list.size(), "offset", offset,
					"limit", limit, "rename_supported", true, "symlink_supported", true, "DATA", page);
			return SimJson.respond(200, body);
		});
	}

	@GetMapping("/operation/endpoint/{id}/stat")
	ResponseEntity<String> stat(@PathVariable String id, @RequestParam(required = false) String path,
			@RequestParam(name = "local_user", required = false) String localUser, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimCollection collection = usable(id, caller, "ExternalError.DirListingFailed");
			if (path == null || path.isEmpty()) {
				throw TransferError.badRequest("path is required");
			}
			String resolved = SimFileSystem
				.stripSlash(SimFileSystem.normalize(path, home(collection, caller, localUser)));
			TransferAccess.checkPathAllowed(collection, resolved);
			SimFileEntry entry = this.files.stat(collection.id(), resolved)
				.orElseThrow(() -> new TransferError(404, "NotFound", "Path not found: '" + resolved + "'"));
			return SimJson.respond(200, fileJson(entry));
		});
	}

	@PostMapping("/operation/endpoint/{id}/mkdir")
	ResponseEntity<String> mkdir(@PathVariable String id, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimCollection collection = usable(id, caller, "ExternalError.MkdirFailed");
			JsonNode doc = TransferDocuments.parse(body, "mkdir");
			TransferDocuments.knownFields(doc, Set.of("DATA_TYPE", "path", "local_user"), "mkdir");
			String home = home(collection, caller, TransferDocuments.optionalString(doc, "local_user"));
			String path = SimFileSystem
				.stripSlash(SimFileSystem.normalize(TransferDocuments.requiredString(doc, "path"), home));
			checkWritable(collection, path);
			if (this.files.stat(collection.id(), path).isPresent()) {
				throw new TransferError(502, "ExternalError.MkdirFailed.Exists",
						"Path already exists, Error Path '" + path + "' already exists");
			}
			if (this.files.list(collection.id(), SimFileSystem.parentOf(path)).isEmpty()) {
				throw TransferError.notFound("Parent folder '" + SimFileSystem.parentOf(path) + "' does not exist");
			}
			this.files.mkdirs(collection.id(), path, caller.identity().localPart(), Instant.now());
			return SimJson.respond(202,
					SimJson.object("DATA_TYPE", "mkdir_result", "code", "DirectoryCreated", "message",
							"The directory was created successfully", "request_id", SimJson.requestId(), "resource",
							TransferErrorHandler.resource(request)));
		});
	}

	@PostMapping("/operation/endpoint/{id}/rename")
	ResponseEntity<String> rename(@PathVariable String id, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimCollection collection = usable(id, caller, "ExternalError.RenameFailed");
			JsonNode doc = TransferDocuments.parse(body, "rename");
			TransferDocuments.knownFields(doc, Set.of("DATA_TYPE", "old_path", "new_path", "local_user"), "rename");
			String home = home(collection, caller, TransferDocuments.optionalString(doc, "local_user"));
			String oldPath = SimFileSystem
				.stripSlash(SimFileSystem.normalize(TransferDocuments.requiredString(doc, "old_path"), home));
			String newPath = SimFileSystem
				.stripSlash(SimFileSystem.normalize(TransferDocuments.requiredString(doc, "new_path"), home));
			checkWritable(collection, oldPath);
			checkWritable(collection, newPath);
			if (this.files.stat(collection.id(), oldPath).isEmpty() || "/".equals(oldPath)) {
				throw TransferError.notFound("Path not found: '" + oldPath + "'");
			}
			if (this.files.stat(collection.id(), newPath).isPresent()) {
				throw new TransferError(502, "ExternalError.RenameFailed.Exists",
						"Path '" + newPath + "' already exists");
			}
			if (this.files.list(collection.id(), SimFileSystem.parentOf(newPath)).isEmpty()) {
				throw TransferError.notFound("Parent folder '" + SimFileSystem.parentOf(newPath) + "' does not exist");
			}
			if (newPath.startsWith(SimFileSystem.asDir(oldPath))) {
				throw TransferError.badRequest("Cannot move a folder into itself");
			}
			this.files.rename(collection.id(), oldPath, newPath);
			return SimJson.respond(200,
					SimJson.object("DATA_TYPE", "result", "code", "FileRenamed", "message",
							"File or directory renamed successfully", "request_id", SimJson.requestId(), "resource",
							TransferErrorHandler.resource(request)));
		});
	}

	/**
	 * The collection of a file operation, once Transfer and its storage let the caller
	 * in.
	 * @param failure the operation's storage failure code, e.g.
	 * {@code ExternalError.DirListingFailed}
	 */
	private SimCollection usable(String id, TransferAccess.Caller caller, String failure) {
		SimCollection collection = this.access.collection(id, caller);
		if (collection.nonFunctional()) {
			// No Globus source shows Transfer's code for this; a request naming an
			// endpoint where a collection is needed is the client's error, and the
			// ClientError.BadRequest family is one Transfer uses (NoTransferItems).
			throw new TransferError(400, "ClientError.BadRequest", "'" + collection.displayName()
					+ "' is a Globus Connect Server endpoint, not a collection; use one of its collections instead");
		}
		this.access.checkUse(caller, collection);
		TransferAccess.checkStorageLogin(caller, collection, failure);
		return collection;
	}

	/**
	 * The folder {@code /~/} means for this call: the home of the local account asked
	 * for, which must be one of the caller's and only on a mapped collection.
	 */
	private static String home(SimCollection collection, TransferAccess.Caller caller, String localUser) {
		if (localUser != null && !collection.isMapped()) {
			throw TransferError.badRequest("local_user is only allowed for GCSv5 mapped collections");
		}
		if (localUser != null && !caller.accounts().contains(localUser)) {
			throw new TransferError(403, "EndpointPermissionDenied",
					"No local account '" + localUser + "' on '" + collection.displayName() + "' for your identity");
		}
		return TransferPlanner.home(collection, caller, localUser);
	}

	private static void checkWritable(SimCollection collection, String path) {
		TransferAccess.checkPathAllowed(collection, path);
		if (collection.readOnly(path)) {
			throw new TransferError(403, "EndpointPermissionDenied",
					"Permission denied: '" + path + "' on '" + collection.displayName() + "' is read-only");
		}
	}

	private Map<String, Object> fileJson(SimFileEntry e) {
		return SimJson.object("DATA_TYPE", "file", "name", e.name(), "type", e.dir() ? "dir" : "file", "link_target",
				null, "user", e.user(), "group", e.group(), "permissions", e.permissions(), "size", e.size(),
				"last_modified", Times.listing(e.modified()), "link_size", null, "link_user", null, "link_group", null,
				"link_last_modified", null);
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
