/**
 * Finding collections and the facts about them that decide what consent they need.
 */
package org.transferportal.collections;
