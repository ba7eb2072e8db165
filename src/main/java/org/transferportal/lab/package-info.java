/**
 * Settings of a shared lab portal.
 */
package org.transferportal.lab;
