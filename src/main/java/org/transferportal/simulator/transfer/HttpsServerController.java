package org.transferportal.simulator.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.FaultInjector;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.IssuedToken;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.SimIdentity;
import org.transferportal.simulator.SimJson;
import org.transferportal.simulator.SimulatorProperties;
import org.transferportal.simulator.TokenStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The HTTPS server of each HTTPS-enabled simulated collection (reference §2.2), at
 * {@code /simulator/https/<collection id>/<path>}: GET with {@code Range} and
 * {@code If-Range}, PUT (kept in memory, size-limited) and DELETE, each with a token
 * issued for the collection's {@code https} scope. A high-assurance collection whose
 * login is too old, or a {@code login-page} fault, answers with the HTML page that sends
 * a browser to log in, with status 200, as Globus Connect Server does.
 */
@RestController
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class HttpsServerController {

	static final String PREFIX = "/simulator/https/";

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private static final int BUFFER = 64 * 1024;

	/** How many of the largest uploads the simulator keeps in memory at most. */
	private static final int KEPT_UPLOADS = 8;

	private final CollectionCatalog catalog;

	private final SimFileSystem files;

	private final TokenStore tokens;

	private final FaultInjector faults;

	private final SimulatorProperties properties;

	private final IdentityDirectory identities;

	HttpsServerController(CollectionCatalog catalog, SimFileSystem files, TokenStore tokens, FaultInjector faults,
			SimulatorProperties properties, IdentityDirectory identities) {
		this.identities = identities;
		this.catalog = catalog;
		this.files = files;
		this.tokens = tokens;
		this.faults = faults;
		this.properties = properties;
	}

	/** The {@code https_server} of a collection, under this request's address. */
	static String baseUrl(String collectionId) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(PREFIX + collectionId).toUriString();
	}

	@RequestMapping(path = PREFIX + "{collectionId}/**",
			method = { RequestMethod.GET, RequestMethod.PUT, RequestMethod.DELETE })
	void serve(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Optional<SimCollection> found = this.catalog.find(collectionId).filter(SimCollection::https);
		String path = path(request, collectionId);
		if (found.isEmpty() || path == null) {
			error(response, 404, "NotFound", "No such HTTPS server or path");
			return;
		}
		SimCollection collection = found.get();
		String method = request.getMethod();
		Optional<String> fault = this.faults.httpsFault(method, "/https/" + collection.id() + path);
		if (fault.isPresent() && !"drop".equals(fault.get())) {
			answerFault(fault.get(), response);
			return;
		}
		Optional<IssuedToken> token = this.tokens.findActive(bearer(request));
		if (token.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			error(response, 401, "unauthorized", "Missing or expired access token");
			return;
		}
		if (!token.get().resourceServer().equals(collection.id())
				|| token.get().scopes().stream().noneMatch((s) -> s.name().equals(collection.httpsScope()))) {
			error(response, 403, "permission_denied", "The token is not for this collection's HTTPS server");
			return;
		}
		if (!sessionAcceptable(token.get(), collection)) {
			loginPage(response);
			return;
		}
		String domain = collection.storageDomain();
		if ((domain != null && !domain.equalsIgnoreCase(token.get().session().domain())) || path.equals("/restricted")
				|| path.startsWith("/restricted/")) {
			error(response, 403, "permission_denied", "Permission denied on '" + path + "'");
			return;
		}
		switch (method) {
			case "GET" -> get(collection, path, request, response);
			case "PUT" -> put(collection, path, token.get(), fault.isPresent(), request, response);
			default -> delete(collection, path, response);
		}
	}

	private void get(SimCollection collection, String path, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Optional<SimFileEntry> entry = this.files.stat(collection.id(), path);
		if (entry.isEmpty()) {
			error(response, 404, "not_found", "'" + path + "' is not on the collection");
			return;
		}
		if (entry.get().dir()) {
			error(response, 400, "is_a_directory", "'" + path + "' is a folder, not a file");
			return;
		}
		SimFileEntry file = entry.get();
		long size = file.size();
		String etag = etag(collection, path, file);
		String lastModified = HTTP_DATE.format(file.modified());
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.LAST_MODIFIED, lastModified);
		response.setContentType(contentType(file.name()));
		long[] range = range(request.getHeader(HttpHeaders.RANGE), size);
		String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
		if (range != null && ifRange != null && !ifRange.equals(etag) && !ifRange.equals(lastModified)) {
			// The file changed since the client got its first part: send it whole.
			range = null;
		}
		if (range != null && range.length == 0) {
			response.setStatus(416);
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
			return;
		}
		long from = (range != null) ? range[0] : 0;
		long to = (range != null) ? range[1] + 1 : size;
		if (range != null) {
			response.setStatus(206);
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + from + "-" + (to - 1) + "/" + size);
		}
		response.setContentLengthLong(to - from);
		try (InputStream in = open(file, from, to)) {
			OutputStream out = response.getOutputStream();
			byte[] buffer = new byte[BUFFER];
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(buffer, 0, n);
			}
		}
	}

	private void put(SimCollection collection, String path, IssuedToken token, boolean drop, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		long limit = this.properties.httpsMaxUpload().toBytes();
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			error(response, 413, "payload_too_large", "The simulated HTTPS server takes files of at most "
					+ this.properties.httpsMaxUpload() + " (simulator.https-max-upload)");
			return;
		}
		Optional<SimFileEntry> existing = this.files.stat(collection.id(), path);
		if ("/".equals(path) || path.endsWith("/") || existing.map(SimFileEntry::dir).orElse(false)) {
			error(response, 409, "is_a_directory", "'" + path + "' is a folder");
			return;
		}
		if (collection.readOnly(path)) {
			error(response, 403, "permission_denied", "'" + path + "' is read-only");
			return;
		}
		if (this.files.list(collection.id(), SimFileSystem.parentOf(path)).isEmpty()) {
			error(response, 409, "no_parent", "The folder '" + SimFileSystem.parentOf(path) + "' does not exist");
			return;
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, BUFFER)));
		InputStream in = request.getInputStream();
		byte[] buffer = new byte[BUFFER];
		int n;
		while ((n = in.read(buffer)) > 0) {
			body.write(buffer, 0, n);
			if (body.size() > limit) {
				error(response, 413, "payload_too_large", "The file is larger than the simulated server takes");
				return;
			}
			if (drop && body.size() >= Math.max(1, declared / 2)) {
				// The connection breaks halfway: nothing is stored.
				response.setHeader(HttpHeaders.CONNECTION, "close");
				error(response, 500, "connection_dropped", "The upload broke off halfway (simulated)");
				return;
			}
		}
		if (declared >= 0 && body.size() != declared) {
			error(response, 400, "incomplete", "The upload ended before its declared length");
			return;
		}
		long replaced = existing.map(SimFileEntry::size).orElse(0L);
		Long quota = collection.quotaBytes();
		if (quota != null && this.files.usage(collection.id()) - replaced + body.size() > quota) {
			error(response, 507, "quota_exceeded", "The collection's quota is used up");
			return;
		}
		if (this.files.storedBytes() + body.size() > KEPT_UPLOADS * limit) {
			error(response, 507, "insufficient_storage", "The simulator keeps uploads in memory and is full");
			return;
		}
		this.files.putUploaded(collection.id(), path, body.toByteArray(), localPart(token), Instant.now());
		response.setStatus(existing.isPresent() ? 204 : 201);
	}

	private void delete(SimCollection collection, String path, HttpServletResponse response) throws IOException {
		Optional<SimFileEntry> entry = this.files.stat(collection.id(), path);
		if (entry.isEmpty()) {
			error(response, 404, "not_found", "'" + path + "' is not on the collection");
			return;
		}
		if (entry.get().dir()) {
			error(response, 409, "is_a_directory", "'" + path + "' is a folder");
			return;
		}
		if (collection.readOnly(path)) {
			error(response, 403, "permission_denied", "'" + path + "' is read-only");
			return;
		}
		this.files.delete(collection.id(), path);
		response.setStatus(204);
	}

	private InputStream open(SimFileEntry file, long from, long to) {
		SimContent content = file.content();
		if (content != null && content.isStored()) {
			return new ByteArrayInputStream(content.bytes(), (int) from, (int) (to - from));
		}
		String seed = (content != null) ? content.seed() : file.name();
		return VirtualContent.of(seed, file.name(), file.size()).open(from, to);
	}

	/**
	 * A high-assurance collection wants a login within its assurance timeout and from its
	 * domain, as Transfer checks them.
	 */
	private boolean sessionAcceptable(IssuedToken token, SimCollection collection) {
		if (!collection.highAssurance()) {
			return true;
		}
		boolean domainOk = collection.requiredDomain() == null
				|| collection.requiredDomain().equalsIgnoreCase(token.session().domain());
		Integer timeout = collection.authenticationAssuranceTimeout();
		boolean recent = timeout == null
				|| token.session().authenticatedAt().plus(Duration.ofMinutes(timeout)).isAfter(this.tokens.now());
		return domainOk && recent;
	}

	/**
	 * The path after the collection's prefix, decoded segment by segment; {@code null}
	 * when it is not an absolute path without dot segments.
	 */
	private static String path(HttpServletRequest request, String collectionId) {
		String raw = request.getRequestURI().substring(request.getContextPath().length());
		String prefix = PREFIX + collectionId;
		if (!raw.startsWith(prefix + "/")) {
			return null;
		}
		List<String> segments = new ArrayList<>();
		for (String segment : raw.substring(prefix.length() + 1).split("/", -1)) {
			String name = UriUtils.decode(segment, StandardCharsets.UTF_8);
			if (name.equals(".") || name.equals("..") || name.contains("/")) {
				return null;
			}
			segments.add(name);
		}
		return "/" + String.join("/", segments);
	}

	/**
	 * The one range asked for, as {first, last}; an empty array when it starts past the
	 * end; {@code null} for none, several or a malformed one (then the file goes whole).
	 */
	static long[] range(String header, long size) {
		if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
			return null;
		}
		String spec = header.substring(6).strip();
		int dash = spec.indexOf('-');
		if (dash < 0) {
			return null;
		}
		try {
			if (dash == 0) {
				long suffix = Long.parseLong(spec.substring(1));
				return (suffix <= 0) ? new long[0] : new long[] { Math.max(0, size - suffix), size - 1 };
			}
			long first = Long.parseLong(spec.substring(0, dash));
			String lastText = spec.substring(dash + 1);
			long last = lastText.isEmpty() ? size - 1 : Math.min(Long.parseLong(lastText), size - 1);
			if (first >= size) {
				return new long[0];
			}
			return (last < first) ? null : new long[] { first, last };
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String contentType(String name) {
		return switch (VirtualContent.extension(name)) {
			case "csv" -> "text/csv";
			case "tsv" -> "text/tab-separated-values";
			case "json" -> "application/json";
			case "txt", "md", "log", "text" -> "text/plain";
			case "html", "htm" -> "text/html";
			case "png" -> "image/png";
			case "jpg", "jpeg" -> "image/jpeg";
			case "gif" -> "image/gif";
			default -> "application/octet-stream";
		};
	}

	private static String etag(SimCollection collection, String path, SimFileEntry file) {
		long hash = (collection.id() + path).hashCode() * 31L + file.size() * 17L + file.modified().toEpochMilli();
		if (file.content() != null && file.content().isStored()) {
			hash = hash * 31 + System.identityHashCode(file.content().bytes());
		}
		return "\"" + Long.toHexString(hash) + "\"";
	}

	private static String bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) ? header.substring(7).strip() : null;
	}

	private String localPart(IssuedToken token) {
		return this.identities.find(token.sub()).map(SimIdentity::localPart).orElse("lab");
	}

	private void answerFault(String kind, HttpServletResponse response) throws IOException {
		if ("login-page".equals(kind)) {
			loginPage(response);
			return;
		}
		if ("429".equals(kind)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		}
		int status = switch (kind) {
			case "429" -> 429;
			case "502" -> 502;
			case "slow" -> 504;
			default -> 503;
		};
		error(response, status, "simulated_fault", "A simulated fault (" + kind + ")");
	}

	/**
	 * What Globus Connect Server sends a browser whose login is not good enough: a page
	 * that sends it to log in, with status 200.
	 */
	private static void loginPage(HttpServletResponse response) throws IOException {
		String login = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/simulator/auth/v2/oauth2/authorize")
			.toUriString();
		response.setStatus(200);
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter()
			.write("<!DOCTYPE html><html><head><title>Log in to continue</title>"
					+ "<meta http-equiv=\"refresh\" content=\"0;url=" + login + "\"></head>"
					+ "<body><p>This collection needs a recent login. <a href=\"" + login
					+ "\">Log in with Globus</a>.</p></body></html>");
	}

	private static void error(HttpServletResponse response, int status, String code, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.getWriter()
			.write(SimJson.write(SimJson.object("DATA_TYPE", "result#1.0.0", "http_response_code", status, "code", code,
					"detail", detail)));
	}

}
