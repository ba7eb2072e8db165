/**
 * Listing and changing folders of a collection.
 */
package org.transferportal.browse;
