package org.transferportal.audit;

import java.time.LocalDate;

/**
 * Which submitted transfers a history search finds; {@code null} fields do not filter.
 *
 * @param text lower-case text to find in the label or in a source or destination path
 * @param collection a collection id, as source or destination
 * @param user lower-case part of a Globus username
 * @param status a task status, or {@link HistoryQuery#NOT_SEEN}
 * @param from first day of submission (UTC), inclusive
 * @param to last day of submission (UTC), inclusive
 */
record HistoryFilter(String text, String collection, String user, String status, LocalDate from, LocalDate to) {
}
