/**
 * The lab audit: what was submitted through the portal, by whom, and what became of it at
 * Globus (kept current in the background with each owner's tokens).
 */
package org.transferportal.audit;
