package org.transferportal.simulator.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.transferportal.simulator.SimJson;

/**
 * Validation of the JSON documents clients send to the simulated Transfer API, shared by
 * its controllers: each check answers a Transfer-shaped 400 when the document is wrong.
 */
final class TransferDocuments {

	private static final List<String> SYNC_LEVELS = List.of("exists", "size", "mtime", "checksum");

	private TransferDocuments() {
	}

	static JsonNode parse(String body, String dataType) {
		if (body == null || body.isBlank()) {
			throw TransferError.badRequest("A JSON document is required");
		}
		JsonNode doc;
		try {
			doc = SimJson.read(body);
		}
		catch (RuntimeException ex) {
			throw TransferError.badRequest("Request body is not valid JSON");
		}
		if (!doc.isObject()) {
			throw TransferError.badRequest("Request body must be a JSON object");
		}
		if (!dataType.equals(doc.path("DATA_TYPE").asString(""))) {
			throw TransferError.badRequest("Invalid or missing DATA_TYPE: expected '" + dataType + "'");
		}
		return doc;
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
		if (value == null || !value.isString() || value.asString().isEmpty()) {
			throw TransferError.badRequest("'" + field + "' is required and must be a string");
		}
		return value.asString();
	}

	static void absolute(String path, String field) {
		if (!path.startsWith("/") && !path.startsWith("~")) {
			throw TransferError.badRequest("'" + field + "' must be an absolute path: '" + path + "'");
		}
	}

	static Boolean optionalBoolean(JsonNode doc, String field) {
		JsonNode value = doc.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw TransferError.badRequest("'" + field + "' must be true or false");
		}
		return value.asBoolean();
	}

	static String label(JsonNode doc) {
		JsonNode value = doc.get("label");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw TransferError.badRequest("label must be a string");
		}
		String label = value.asString();
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
		JsonNode value = doc.get("deadline");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw TransferError.badRequest("deadline must be an ISO-8601 string");
		}
		return Times.parse(value.asString());
	}

	static Integer syncLevel(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber() && value.asInt() >= 0 && value.asInt() <= 3) {
			return value.asInt();
		}
		if (value.isString() && SYNC_LEVELS.contains(value.asString())) {
			return SYNC_LEVELS.indexOf(value.asString());
		}
		throw TransferError.badRequest("sync_level must be 0, 1, 2 or 3");
	}

	static List<SimFilterRule> filterRules(JsonNode value) {
		List<SimFilterRule> rules = new ArrayList<>();
		if (value == null || value.isNull()) {
			return rules;
		}
		if (!value.isArray()) {
			throw TransferError.badRequest("filter_rules must be a list");
		}
		for (JsonNode rule : value) {
			if (!rule.isObject() || !"filter_rule".equals(rule.path("DATA_TYPE").asString("filter_rule"))) {
				throw TransferError.badRequest("Each filter rule must be a filter_rule document");
			}
			String method = rule.path("method").asString("");
			String name = rule.path("name").asString("");
			JsonNode type = rule.get("type");
			if (!List.of("include", "exclude").contains(method) || name.isEmpty()) {
				throw TransferError.badRequest("A filter rule needs method include|exclude and a name");
			}
			if (type != null && !type.isNull() && !List.of("file", "dir").contains(type.asString(""))) {
				throw TransferError.badRequest("A filter rule's type must be file or dir");
			}
			rules.add(new SimFilterRule(method, name, (type == null || type.isNull()) ? null : type.asString()));
		}
		return rules;
	}

}
