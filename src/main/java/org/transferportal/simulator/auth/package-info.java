/**
 * The simulated Globus Auth: OIDC discovery, authorize with login and consent pages,
 * tokens, userinfo and consents.
 */
package org.transferportal.simulator.auth;
