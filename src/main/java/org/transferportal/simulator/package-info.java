/**
 * An embedded simulation of Globus Auth and Transfer for demo mode and tests; reached
 * only over HTTP, imports nothing from the portal.
 */
package org.transferportal.simulator;
