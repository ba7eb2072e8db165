/**
 * Small mechanisms every feature may use and that know nothing of the portal: rate limits
 * (shared through the database when it is PostgreSQL), scheduler locks and the
 * housekeeping purge each feature contributes to, guards for local paths, formatting.
 */
package org.transferportal.support;
