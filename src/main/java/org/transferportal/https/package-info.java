/**
 * Files straight between the browser and a collection's HTTPS server, through the portal:
 * download, upload and preview, with the consent they need and a record of each for the
 * lab audit.
 */
package org.transferportal.https;
