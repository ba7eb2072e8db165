/**
 * What to do after a task: retry only what failed or was skipped, run a past transfer
 * again, or save it as a lab preset, offered on the task page.
 */
package org.transferportal.recovery;
