package org.transferportal.recovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.transferportal.globus.TransferDocument;
import org.transferportal.globus.TransferDocument.Item;
import org.transferportal.tasks.TaskFailures;

/**
 * The items of a retry: each path that failed, placed within the item of the original
 * transfer it belongs to (an error event names one path, on the source or the
 * destination; the item gives the other end), and each path that was skipped, as Globus
 * reports it. Nothing else: not what was copied, not what the task never reached.
 *
 * @param items the items to transfer again, without duplicates, in the order met
 * @param failed how many of them failed
 * @param skipped how many of them were skipped
 * @param unplaced failed paths within none of the original items (left out)
 */
record RetryItems(List<Item> items, int failed, int skipped, int unplaced) {

	static RetryItems of(TaskFailures.Failures failures, List<Item> original) {
		Map<String, Item> items = new LinkedHashMap<>();
		int failed = 0;
		int unplaced = 0;
		for (String path : failures.failedPaths()) {
			Item item = place(path, original);
			if (item == null) {
				unplaced++;
			}
			else if (items.putIfAbsent(key(item), item) == null) {
				failed++;
			}
		}
		int skipped = 0;
		for (TaskFailures.Skipped path : failures.skipped()) {
			Item item = skipped(path, original);
			if (items.putIfAbsent(key(item), item) == null) {
				skipped++;
			}
		}
		return new RetryItems(List.copyOf(items.values()), failed, skipped, unplaced);
	}

	/**
	 * A skipped path as an item: where the original transfer put it (Globus reports the
	 * destination as its storage resolved it, {@code /~/} spelled out), else where Globus
	 * says; a folder if Globus says so.
	 */
	private static Item skipped(TaskFailures.Skipped path, List<Item> original) {
		Item placed = place(path.sourcePath(), original);
		String destination = (placed != null) ? placed.destinationPath() : path.destinationPath();
		return Item.of(path.sourcePath(), destination, path.folder());
	}

	boolean isEmpty() {
		return this.items.isEmpty();
	}

	/**
	 * The item for a failed path: the original item itself when the path is one of its
	 * ends, else the path within the original folder item that holds it most closely, on
	 * either end; {@code null} when no item holds it.
	 */
	static Item place(String path, List<Item> original) {
		Item best = null;
		int depth = -1;
		for (Item item : original) {
			if (same(path, item.sourcePath()) || same(path, item.destinationPath())) {
				return item;
			}
			if (Boolean.FALSE.equals(item.recursive())) {
				continue;
			}
			String source = folder(item.sourcePath());
			String destination = folder(item.destinationPath());
			if (path.startsWith(source) && source.length() > depth) {
				best = within(path.substring(source.length()), source, destination);
				depth = source.length();
			}
			else if (path.startsWith(destination) && destination.length() > depth) {
				best = within(path.substring(destination.length()), source, destination);
				depth = destination.length();
			}
		}
		return best;
	}

	/** The path's item inside a folder item: a folder if Globus wrote it as one. */
	private static Item within(String rest, String source, String destination) {
		return TransferDocument.Item.of(source + rest, destination + rest, rest.endsWith("/") ? Boolean.TRUE : null);
	}

	private static boolean same(String a, String b) {
		return b != null && strip(a).equals(strip(b));
	}

	private static String strip(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	private static String folder(String path) {
		return path.endsWith("/") ? path : path + "/";
	}

	private static String key(Item item) {
		return strip(item.sourcePath()) + "\n" + strip(item.destinationPath());
	}

	/** The counts in words, e.g. {@code 3 paths that failed and 1 that was skipped}. */
	String described() {
		List<String> parts = new ArrayList<>();
		if (this.failed > 0) {
			parts.add(this.failed + ((this.failed == 1) ? " path that failed" : " paths that failed"));
		}
		if (this.skipped > 0) {
			String paths = (this.failed > 0) ? "" : ((this.skipped == 1) ? " path" : " paths");
			parts.add(this.skipped + paths + ((this.skipped == 1) ? " that was skipped" : " that were skipped"));
		}
		return String.join(" and ", parts);
	}

}
