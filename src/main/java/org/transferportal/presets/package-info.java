/**
 * Lab presets: named transfer recipes (collections, paths, options) that lab admins share
 * and members start in one click, through the same preflight and consent as the form.
 */
package org.transferportal.presets;
