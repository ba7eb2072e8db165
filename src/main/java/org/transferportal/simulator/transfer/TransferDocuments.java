package org.transferportal.simulator.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.transferportal.simulator.SimJson;

/**
 * Validation of the JSON documents clients send to the simulated Transfer API, shared by
 * its controllers: a field Transfer does not know, or a value of the wrong type, is
 * refused with a 400 {@code ClientError.BadRequest}; other mistakes with Transfer's
 * {@code BadRequest}.
 */
final class TransferDocuments {

	/** The boolean options of a transfer (reference §3). */
	static final List<String> TRANSFER_BOOLEANS = List.of("verify_checksum", "preserve_timestamp", "encrypt_data",
			"skip_source_errors", "fail_on_quota_errors", "delete_destination_extra", "notify_on_succeeded",
			"notify_on_failed", "notify_on_inactive", "store_base_path_info", "skip_activation_check");

	private static final Set<String> TRANSFER_FIELDS = Set.of("DATA_TYPE", "submission_id", "source_endpoint",
			"destination_endpoint", "label", "deadline", "sync_level", "verify_checksum", "preserve_timestamp",
			"encrypt_data", "skip_source_errors", "fail_on_quota_errors", "delete_destination_extra",
			"notify_on_succeeded", "notify_on_failed", "notify_on_inactive", "source_local_user",
			"destination_local_user", "filter_rules", "store_base_path_info", "recursive_symlinks",
			"skip_activation_check", "perf_cc", "perf_p", "perf_pp", "perf_udt", "DATA");

	private static final Set<String> TRANSFER_ITEM_FIELDS = Set.of("DATA_TYPE", "source_path", "destination_path",
			"recursive", "external_checksum", "checksum_algorithm");

	private static final Set<String> FILTER_RULE_FIELDS = Set.of("DATA_TYPE", "method", "name", "type");

	private static final Set<String> DELETE_FIELDS = Set.of("DATA_TYPE", "submission_id", "endpoint", "label",
			"deadline", "local_user", "recursive", "ignore_missing", "interpret_globs", "notify_on_succeeded",
			"notify_on_failed", "notify_on_inactive", "DATA");

	private static final Set<String> DELETE_ITEM_FIELDS = Set.of("DATA_TYPE", "path");

	private static final List<String> RECURSIVE_SYMLINKS = List.of("ignore", "keep", "copy");

	private TransferDocuments() {
	}

	/**
	 * A transfer submission, checked field by field.
	 *
	 * @param submissionId its submission id
	 * @param sourceId source collection id
	 * @param destinationId destination collection id
	 * @param label label, or null
	 * @param deadline deadline, or null
	 * @param syncLevel 0..3, or null
	 * @param booleans the boolean options as sent (absent ones null)
	 * @param filterRules the filter rules, first match wins
	 * @param sourceLocalUser local account on the source, or null
	 * @param destinationLocalUser local account on the destination, or null
	 * @param items what to transfer
	 */
	record TransferRequest(String submissionId, String sourceId, String destinationId, String label, Instant deadline,
			Integer syncLevel, Map<String, Boolean> booleans, List<SimFilterRule> filterRules, String sourceLocalUser,
			String destinationLocalUser, List<Item> items) {

		boolean option(String name) {
			return Boolean.TRUE.equals(this.booleans.get(name));
		}

	}

	/**
	 * One transfer item.
	 *
	 * @param sourcePath source path as sent
	 * @param destinationPath destination path as sent
	 * @param recursive true or false as sent, null when absent (Transfer then looks at
	 * the path's type)
	 * @param symlink whether it is a {@code transfer_symlink_item}
	 */
	record Item(String sourcePath, String destinationPath, Boolean recursive, boolean symlink) {
	}

	/**
	 * A delete submission, checked field by field.
	 *
	 * @param submissionId its submission id
	 * @param endpointId the collection id
	 * @param label label, or null
	 * @param deadline deadline, or null
	 * @param localUser local account, or null
	 * @param recursive whether folders may be deleted
	 * @param ignoreMissing whether missing paths are fine
	 * @param interpretGlobs whether the last path component is a glob
	 * @param paths what to delete
	 */
	record DeleteRequest(String submissionId, String endpointId, String label, Instant deadline, String localUser,
			boolean recursive, boolean ignoreMissing, boolean interpretGlobs, List<String> paths) {
	}

	static TransferRequest transfer(String body) {
		JsonNode doc = parse(body, "transfer");
		knownFields(doc, TRANSFER_FIELDS, "transfer");
		String submissionId = submissionId(doc);
		String source = requiredString(doc, "source_endpoint");
		String destination = requiredString(doc, "destination_endpoint");
		Map<String, Boolean> booleans = new LinkedHashMap<>();
		for (String name : TRANSFER_BOOLEANS) {
			booleans.put(name, optionalBoolean(doc, name));
		}
		for (String name : List.of("perf_cc", "perf_p", "perf_pp", "perf_udt")) {
			optionalInteger(doc, name);
		}
		String symlinks = optionalString(doc, "recursive_symlinks");
		if (symlinks != null && !RECURSIVE_SYMLINKS.contains(symlinks)) {
			throw TransferError.badRequest("recursive_symlinks must be one of " + RECURSIVE_SYMLINKS);
		}
		List<Item> items = new ArrayList<>();
		for (JsonNode item : items(doc, "A transfer requires at least one item")) {
			String type = item.path("DATA_TYPE").asString("transfer_item");
			if (!"transfer_item".equals(type) && !"transfer_symlink_item".equals(type)) {
				throw schema("Invalid DATA_TYPE '" + type + "' for a transfer item");
			}
			knownFields(item, TRANSFER_ITEM_FIELDS, type);
			String sourcePath = absolute(requiredString(item, "source_path"), "source_path");
			String destinationPath = absolute(requiredString(item, "destination_path"), "destination_path");
			optionalString(item, "external_checksum");
			optionalString(item, "checksum_algorithm");
			items.add(new Item(sourcePath, destinationPath, optionalBoolean(item, "recursive"),
					"transfer_symlink_item".equals(type)));
		}
		return new TransferRequest(submissionId, source, destination, label(doc), deadline(doc),
				syncLevel(doc.get("sync_level")), booleans, filterRules(doc.get("filter_rules")),
				optionalString(doc, "source_local_user"), optionalString(doc, "destination_local_user"),
				List.copyOf(items));
	}

	static DeleteRequest delete(String body) {
		JsonNode doc = parse(body, "delete");
		knownFields(doc, DELETE_FIELDS, "delete");
		String submissionId = submissionId(doc);
		String endpoint = requiredString(doc, "endpoint");
		for (String name : List.of("notify_on_succeeded", "notify_on_failed", "notify_on_inactive")) {
			optionalBoolean(doc, name);
		}
		List<String> paths = new ArrayList<>();
		for (JsonNode item : items(doc, "A delete requires at least one item")) {
			if (!"delete_item".equals(item.path("DATA_TYPE").asString("delete_item"))) {
				throw schema("Invalid DATA_TYPE for a delete item");
			}
			knownFields(item, DELETE_ITEM_FIELDS, "delete_item");
			paths.add(absolute(requiredString(item, "path"), "path"));
		}
		return new DeleteRequest(submissionId, endpoint, label(doc), deadline(doc), optionalString(doc, "local_user"),
				Boolean.TRUE.equals(optionalBoolean(doc, "recursive")),
				Boolean.TRUE.equals(optionalBoolean(doc, "ignore_missing")),
				Boolean.TRUE.equals(optionalBoolean(doc, "interpret_globs")), List.copyOf(paths));
	}

	/** A JSON object with the given {@code DATA_TYPE}. */
	static JsonNode parse(String body, String dataType) {
		JsonNode doc = parseObject(body);
		if (!dataType.equals(doc.path("DATA_TYPE").asString(""))) {
			throw TransferError.badRequest("Invalid or missing DATA_TYPE: expected '" + dataType + "'");
		}
		return doc;
	}

	static JsonNode parseObject(String body) {
		if (body == null || body.isBlank()) {
			throw TransferError.badRequest("A JSON document is required");
		}
		JsonNode doc;
		try {
			doc = SimJson.read(body);
		}
		catch (RuntimeException ex) {
			throw TransferError.badRequest("Could not parse JSON: the request body is not valid JSON");
		}
		if (!doc.isObject()) {
			throw TransferError.badRequest("Request body must be a JSON object");
		}
		return doc;
	}

	/** Refuses any field that is not one of {@code known}. */
	static void knownFields(JsonNode doc, Set<String> known, String documentType) {
		for (String field : doc.propertyNames()) {
			if (!known.contains(field)) {
				throw schema("Unknown field '" + field + "' in " + documentType + " document");
			}
		}
	}

	static String submissionId(JsonNode doc) {
		JsonNode id = doc.get("submission_id");
		if (id == null || !id.isString() || id.asString().isBlank()) {
			throw TransferError.badRequest("submission_id is required; get one from GET /submission_id");
		}
		return id.asString();
	}

	static String requiredString(JsonNode doc, String field) {
		JsonNode value = doc.get(field);
		if (value != null && !value.isNull() && !value.isString()) {
			throw schema("'" + field + "' must be a string");
		}
		if (value == null || value.isNull() || value.asString().isEmpty()) {
			throw TransferError.badRequest("'" + field + "' is required");
		}
		return value.asString();
	}

	static String optionalString(JsonNode doc, String field) {
		JsonNode value = doc.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw schema("'" + field + "' must be a string");
		}
		return value.asString();
	}

	static String absolute(String path, String field) {
		if (!path.startsWith("/") && !path.startsWith("~")) {
			throw TransferError.badRequest("'" + field + "' must be an absolute path: '" + path + "'");
		}
		return path;
	}

	static Boolean optionalBoolean(JsonNode doc, String field) {
		JsonNode value = doc.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw schema("'" + field + "' must be true or false");
		}
		return value.asBoolean();
	}

	static Integer optionalInteger(JsonNode doc, String field) {
		JsonNode value = doc.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber()) {
			throw schema("'" + field + "' must be an integer");
		}
		return value.asInt();
	}

	static String label(JsonNode doc) {
		String label = optionalString(doc, "label");
		if (label == null) {
			return null;
		}
		if (label.length() > 128) {
			throw TransferError.badRequest("label must be at most 128 characters");
		}
		if (label.contains("\n") || label.contains("\r")) {
			throw TransferError.badRequest("label must not contain newlines");
		}
		if (!label.equals(label.strip())) {
			throw TransferError.badRequest("label must not start or end with blanks");
		}
		return label;
	}

	static Instant deadline(JsonNode doc) {
		String value = optionalString(doc, "deadline");
		return (value != null) ? Times.parse(value) : null;
	}

	/** Transfer takes the integer; the SDK and CLI turn the words into it first. */
	static Integer syncLevel(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber()) {
			throw schema("sync_level must be an integer 0, 1, 2 or 3");
		}
		if (value.asInt() < 0 || value.asInt() > 3) {
			throw TransferError.badRequest("sync_level must be 0, 1, 2 or 3");
		}
		return value.asInt();
	}

	static List<SimFilterRule> filterRules(JsonNode value) {
		List<SimFilterRule> rules = new ArrayList<>();
		if (value == null || value.isNull()) {
			return rules;
		}
		if (!value.isArray()) {
			throw schema("filter_rules must be a list");
		}
		for (JsonNode rule : value) {
			if (!rule.isObject() || !"filter_rule".equals(rule.path("DATA_TYPE").asString("filter_rule"))) {
				throw schema("Each filter rule must be a filter_rule document");
			}
			knownFields(rule, FILTER_RULE_FIELDS, "filter_rule");
			String method = requiredString(rule, "method");
			String name = requiredString(rule, "name");
			String type = optionalString(rule, "type");
			if (!List.of("include", "exclude").contains(method)) {
				throw TransferError.badRequest("A filter rule's method must be include or exclude");
			}
			if (type != null && !List.of("file", "dir").contains(type)) {
				throw TransferError.badRequest("A filter rule's type must be file or dir");
			}
			rules.add(new SimFilterRule(method, name, type));
		}
		return rules;
	}

	private static JsonNode items(JsonNode doc, String whenEmpty) {
		JsonNode items = doc.get("DATA");
		if (items != null && !items.isNull() && !items.isArray()) {
			throw schema("DATA must be a list");
		}
		if (items == null || items.isNull() || items.isEmpty()) {
			throw new TransferError(400, "ClientError.BadRequest.NoTransferItems", whenEmpty);
		}
		for (JsonNode item : items) {
			if (!item.isObject()) {
				throw schema("Each item of DATA must be a document");
			}
		}
		return items;
	}

	/** A document that does not fit Transfer's schema. */
	static TransferError schema(String message) {
		return new TransferError(400, "ClientError.BadRequest", message);
	}

}
