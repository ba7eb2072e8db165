/**
 * The transfer form and the service that submits it exactly once, with preflight and
 * reactive consent.
 */
package org.transferportal.transfer;
