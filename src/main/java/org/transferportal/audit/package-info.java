/**
 * The lab's record of what moved: the audit of submissions, the history search, the usage
 * figures and charts, and the background watcher that learns each task's outcome with its
 * owner's tokens.
 */
package org.transferportal.audit;
