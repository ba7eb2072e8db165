/**
 * Safe deletes from the file manager: a preview of what will go, a typed confirmation for
 * folders, the lab's policy, and one Transfer delete task per confirmation, exactly once.
 */
package org.transferportal.deletes;
