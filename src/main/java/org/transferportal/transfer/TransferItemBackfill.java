package org.transferportal.transfer;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.transferportal.globus.TransferDocument;

/**
 * Fills {@code transfer_item} for requests submitted before the portal kept their items,
 * from the form each request keeps, when the portal starts. Several instances starting at
 * once write the same rows, which the table's key keeps single.
 */
@Component
class TransferItemBackfill implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(TransferItemBackfill.class);

	private static final int PAGE = 200;

	private final JdbcClient jdbc;

	private final FormTranslator translator;

	private final TransferItems items;

	private final JsonMapper json = JsonMapper.builder().build();

	TransferItemBackfill(JdbcClient jdbc, FormTranslator translator, TransferItems items) {
		this.jdbc = jdbc;
		this.translator = translator;
		this.items = items;
	}

	@Override
	public void run(ApplicationArguments args) {
		int filled = backfill();
		if (filled > 0) {
			logger.info("Kept the items of " + filled + " earlier transfers for the history search");
		}
	}

	/** Fills the items of every submitted request that has none; how many were filled. */
	int backfill() {
		int filled = 0;
		String after = "";
		while (true) {
			List<Row> page = this.jdbc.sql("""
					select id, form_json from transfer_request r where status = ? and id > ?
					  and not exists (select 1 from transfer_item i where i.request_id = r.id)
					order by id limit ?""").params(RequestStatus.SUBMITTED, after, PAGE).query(Row.class).list();
			for (Row row : page) {
				List<TransferDocument.Item> found = itemsOf(row.formJson());
				if (!found.isEmpty()) {
					this.items.insert(row.id(), found);
					filled++;
				}
			}
			if (page.size() < PAGE) {
				return filled;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	/**
	 * The items a kept form makes, as its submission made them; a form the rules of today
	 * refuse, or one kept by an older version, still gives its two paths.
	 */
	List<TransferDocument.Item> itemsOf(String formJson) {
		JsonNode tree;
		try {
			tree = this.json.readTree((formJson != null) ? formJson : "");
		}
		catch (JacksonException ex) {
			return List.of();
		}
		try {
			FormTranslator.Result result = this.translator
				.translate(this.json.treeToValue(tree, TransferForm.class).withoutDeadline());
			if (result.valid()) {
				return result.document().data();
			}
		}
		catch (RuntimeException ex) {
			// Kept by an older version (fields missing or unreadable): its paths below.
		}
		String source = text(tree, "sourcePath");
		String destination = text(tree, "destinationPath");
		if (source.isEmpty() || destination.isEmpty()) {
			return List.of();
		}
		return List.of(TransferDocument.Item.of(source, destination, source.endsWith("/")));
	}

	private static String text(JsonNode tree, String field) {
		JsonNode value = (tree != null) ? tree.get(field) : null;
		return (value != null && value.isString()) ? value.asString().strip() : "";
	}

	private record Row(String id, String formJson) {
	}

}
