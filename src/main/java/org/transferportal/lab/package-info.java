/**
 * Settings and access policy of a shared lab portal: the lab's collections, who may log
 * in, who administers it, and the page that shows these settings.
 */
package org.transferportal.lab;
