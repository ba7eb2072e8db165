package org.transferportal.transfer;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.transferportal.globus.TransferDocument;
import org.transferportal.tasks.SubmittedRequests;

/**
 * The request a user submitted through the portal, for the task page's command: the
 * options of the kept form and the items exactly as Globus was given them.
 */
@Component
class RecordedRequests implements SubmittedRequests {

	private final JdbcClient jdbc;

	private final TransferItems items;

	private final FormTranslator translator;

	private final JsonMapper json = JsonMapper.builder().build();

	RecordedRequests(JdbcClient jdbc, TransferItems items, FormTranslator translator) {
		this.jdbc = jdbc;
		this.items = items;
		this.translator = translator;
	}

	@Override
	public Optional<TransferDocument> find(String subject, String taskId) {
		return this.jdbc.sql("""
				select id, form_json, source_collection, destination_collection from transfer_request
				where task_id = ? and subject = ? and status = ? and task_type = 'TRANSFER'""")
			.params(taskId, subject, RequestStatus.SUBMITTED)
			.query((rs, row) -> document(rs.getString("id"), rs.getString("form_json"),
					rs.getString("source_collection"), rs.getString("destination_collection")))
			.list()
			.stream()
			.findFirst();
	}

	private TransferDocument document(String requestId, String formJson, String source, String destination) {
		// The deadline has usually passed by now; the task page takes it from the task.
		TransferForm form = this.json.readValue(formJson, TransferForm.class).withoutDeadline();
		FormTranslator.Result result = this.translator.translate(form);
		List<TransferDocument.Item> sent = this.items.of(requestId);
		if (!result.valid()) {
			// Rules written since the submission refuse the old form: the items as sent
			// are still what was asked.
			return new TransferDocument(null, source, destination, null, null, null, null, null, null, null, null, null,
					null, null, null, null, null, null, sent);
		}
		TransferDocument document = result.document();
		return new TransferDocument(null, document.sourceEndpoint(), document.destinationEndpoint(), document.label(),
				document.syncLevel(), document.verifyChecksum(), document.preserveTimestamp(), document.encryptData(),
				null, document.skipSourceErrors(), document.failOnQuotaErrors(), document.deleteDestinationExtra(),
				document.notifyOnSucceeded(), document.notifyOnFailed(), document.notifyOnInactive(),
				document.sourceLocalUser(), document.destinationLocalUser(), document.filterRules(),
				sent.isEmpty() ? document.data() : sent);
	}

}
