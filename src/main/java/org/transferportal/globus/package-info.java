/**
 * The only code that speaks HTTP to Globus Auth and Globus Transfer: typed requests and
 * responses, scopes and the error model.
 */
package org.transferportal.globus;
