package org.transferportal.transfer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.Collection;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferDocument;

/**
 * What a transfer needs from Globus Auth before it is sent: the data_access consents the
 * user's token lacks (asked for in one trip), and a cap on trips per draft, so that a
 * collection whose policy can never be met does not send the user round in circles.
 */
@Component
class ConsentPreflight {

	private static final Log logger = LogFactory.getLog(ConsentPreflight.class);

	/** Trips to Globus Auth one draft may cause before the portal stops asking. */
	static final int MAX_TRIPS = 3;

	static final String TOO_MANY_TRIPS = "Globus still asks for more consent after " + MAX_TRIPS
			+ " attempts. Check the collections' access policies, or try again later.";

	private final CollectionDirectory collections;

	private final ConsentRoundTrip consent;

	private final TransferDrafts drafts;

	ConsentPreflight(CollectionDirectory collections, ConsentRoundTrip consent, TransferDrafts drafts) {
		this.collections = collections;
		this.consent = consent;
		this.drafts = drafts;
	}

	/**
	 * The collections that need a data_access scope the user's token does not carry. Both
	 * documents are fetched at once (and cached); without them, nothing is missing as far
	 * as the preflight knows, and Transfer will say what it needs (the reactive path) or
	 * what is wrong. The user waits on the click, so the documents are asked for with the
	 * submission's timeout and retries, not the general ones.
	 */
	Set<UUID> missingDataAccess(TransferClient transfer, TransferDocument document) {
		List<UUID> ids = List.of(UUID.fromString(document.sourceEndpoint()),
				UUID.fromString(document.destinationEndpoint()));
		Map<UUID, Collection> described;
		try {
			described = this.collections.describeAll(transfer.forSubmission(), ids);
		}
		catch (GlobusApiException ex) {
			logger.info("Preflight skipped: collection documents unavailable (" + ex.status() + " " + ex.code() + ")");
			return Set.of();
		}
		Set<UUID> needing = described.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().requiresDataAccessScope())
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return this.consent.missingDataAccess(needing);
	}

	/**
	 * Counts a trip for the draft and starts it: the local path to send the browser to,
	 * or empty when the draft has had its share (say {@link #TOO_MANY_TRIPS}).
	 */
	Optional<String> trip(String draftId, Supplier<String> start) {
		if (this.drafts.countConsentTrip(draftId) > MAX_TRIPS) {
			return Optional.empty();
		}
		return Optional.of(start.get());
	}

}
