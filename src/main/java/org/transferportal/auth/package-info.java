/**
 * Login with Globus, the per-resource-server tokens it returns, and the consent round
 * trip.
 */
package org.transferportal.auth;
