/**
 * The simulated Globus Groups API v2: the caller's groups and memberships, for a portal
 * that admits the members of one group.
 */
package org.transferportal.simulator.groups;
