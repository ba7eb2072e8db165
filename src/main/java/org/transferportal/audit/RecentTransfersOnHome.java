package org.transferportal.audit;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import org.transferportal.collections.CollectionNames;
import org.transferportal.web.HomeContent;

/**
 * The home page's recent transfers: the user's newest submissions from the portal's
 * records, with what became of their tasks and their collections by name.
 */
@Component
class RecentTransfersOnHome implements HomeContent.RecentTransfers {

	private final SubmissionRecords records;

	private final CollectionNames names;

	RecentTransfersOnHome(SubmissionRecords records, CollectionNames names) {
		this.records = records;
		this.names = names;
	}

	@Override
	public List<HomeContent.RecentTransfer> recent(String subject, int limit) {
		List<SubmissionRecord> recent = this.records.recent(subject, limit);
		Map<String, String> names = this.names
			.of(recent.stream().flatMap((r) -> Stream.of(r.sourceCollection(), r.destinationCollection())).toList());
		return recent.stream()
			.map((r) -> new HomeContent.RecentTransfer(r.taskId(), (r.label() != null) ? r.label() : "",
					r.sourceCollection(), names.get(r.sourceCollection()), r.destinationCollection(),
					names.get(r.destinationCollection()), r.when(), r.taskStatus()))
			.toList();
	}

}
