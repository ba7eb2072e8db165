/**
 * The simulated Globus Timers: transfer timers created through its v2 API and run on
 * their own accelerated clocks, submitting real simulated Transfer tasks as their owners.
 */
package org.transferportal.simulator.timers;
