/**
 * The simulated Globus Transfer API v0.10: collections, listings, tasks and bookmarks,
 * with consent checks on every call.
 */
package org.transferportal.simulator.transfer;
