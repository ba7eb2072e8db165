/**
 * Layout, error pages and shared web configuration.
 */
package org.transferportal.web;
