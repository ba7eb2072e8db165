package org.transferportal.simulator.transfer;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.SimCollection;

/**
 * The words of a task's error events, in the shape of Transfer's: what failed, on which
 * collection and server, on which path, and the storage's answer.
 */
final class TaskErrors {

	private TaskErrors() {
	}

	/** The event description Transfer gives an error code. */
	static String description(String code) {
		return switch (code) {
			case "PERMISSION_DENIED" -> "permission denied";
			case "FILE_NOT_FOUND" -> "file not found";
			case "QUOTA_EXCEEDED" -> "quota exceeded";
			case "AUTH" -> "authentication failed";
			case "NOT_A_FILE" -> "not a file";
			default -> code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		};
	}

	/**
	 * An error event's details: the operation, the collection and server, the path (the
	 * part triage reads) and the storage's reply.
	 */
	static String details(SimTask task, SimTask.Step step, CollectionCatalog catalog) {
		boolean onSource = task.isDelete() || step.sourceFault();
		String collectionId = onSource ? task.sourceId : task.destinationId;
		String path = onSource ? step.sourcePath() : step.destinationPath();
		String operation;
		String command;
		if (task.isDelete()) {
			operation = "delete";
			command = (step.dir() ? "RMD " : "DELE ") + path;
		}
		else if (step.dir()) {
			operation = "make directories";
			command = "MKD " + path;
		}
		else {
			operation = "transfer";
			command = (onSource ? "RETR " : "STOR ") + path;
		}
		SimCollection collection = catalog.find(collectionId).orElseThrow();
		String server = (collection.gcsHost() != null) ? collection.gcsHost() + ":443" : "Globus Connect Personal";
		return "Error (" + operation + ")\nEndpoint: " + collection.displayName() + " (" + collection.id()
				+ ")\nServer: " + server + "\nFile: " + path + "\nCommand: " + command
				+ "\nMessage: Fatal FTP response\n---\nDetails: " + reply(step.fault()) + "\n";
	}

	/**
	 * The storage's reply, GridFTP-style, with its line ends escaped as Transfer shows
	 * them.
	 */
	private static String reply(String code) {
		return switch (code) {
			case "FILE_NOT_FOUND" -> "550-GlobusError: v=1 c=PATH_NOT_FOUND\\r\\n550-GridFTP-Errno: 2\\r\\n"
					+ "550-GridFTP-Error-String: No such file or directory\\r\\n550 End.\\r\\n";
			case "QUOTA_EXCEEDED" ->
				"451-GlobusError: v=1 c=QUOTA_EXCEEDED\\r\\n451-GridFTP-Error: Disk quota exceeded\\r\\n451 End.\\r\\n";
			case "AUTH" -> "530-GlobusError: v=1 c=LOGIN_DENIED\\r\\n530-Login to the storage gateway failed: "
					+ "identity not accepted\\r\\n530 End.\\r\\n";
			default -> "550-GlobusError: v=1 c=PERMISSION_DENIED\\r\\n550-GridFTP-Error: Path not allowed.\\r\\n"
					+ "550 End.\\r\\n";
		};
	}

}
