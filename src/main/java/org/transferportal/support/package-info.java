/**
 * Small mechanisms every feature may use and that know nothing of the portal: rate
 * limits, guards for local paths, formatting.
 */
package org.transferportal.support;
