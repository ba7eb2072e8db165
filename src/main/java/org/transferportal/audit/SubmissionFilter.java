package org.transferportal.audit;

import java.time.LocalDate;

/**
 * Which submission records to read; {@code null} fields do not filter.
 *
 * @param user part of a Globus username, lower case
 * @param collection a collection id, as source or destination
 * @param from first day (UTC), inclusive
 * @param to last day (UTC), inclusive
 */
public record SubmissionFilter(String user, String collection, LocalDate from, LocalDate to) {
}
