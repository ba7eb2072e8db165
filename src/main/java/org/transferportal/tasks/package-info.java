/**
 * Activity: the user's transfer tasks, their progress, events and cancellation.
 */
package org.transferportal.tasks;
