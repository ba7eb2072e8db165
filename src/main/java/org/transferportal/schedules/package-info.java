/**
 * Schedules: transfers that run once later or again and again at Globus Timers, created
 * exactly once after their consent is checked, watched with their owners' tokens, and
 * repaired ("Fix and resume") when Globus stops one for a missing consent.
 */
package org.transferportal.schedules;
