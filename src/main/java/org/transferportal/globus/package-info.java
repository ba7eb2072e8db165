/**
 * The only code that speaks HTTP to Globus Auth, Transfer and Groups: typed requests and
 * responses, scopes and the error model.
 */
package org.transferportal.globus;
