package org.transferportal.transfer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

import org.transferportal.collections.CollectionIds;
import org.transferportal.collections.CollectionPicker;
import org.transferportal.support.GlobusPath;

/**
 * A post of the transfer form that is not a submission: "Search" for a collection on one
 * side, or "Browse…" to choose a folder or files in the file manager. Both keep the whole
 * form in its draft and come back to it, so they work without JavaScript. A search box
 * with text in it also makes Enter a search (the form's default button carries no action:
 * Enter in any other field submits).
 *
 * @param kind {@code find} or {@code browse}
 * @param side {@code source} or {@code destination}
 * @param query the search text (find)
 * @param scope the search's Globus filter scope (find)
 */
record FormAction(String kind, String side, String query, String scope) {

	/** The action a post asks for, or {@code null} for a submission. */
	static FormAction of(MultiValueMap<String, String> params) {
		String browse = params.getFirst("browse");
		if ("source".equals(browse) || "destination".equals(browse)) {
			return new FormAction("browse", browse, "", "");
		}
		String find = params.getFirst("find");
		// "Start transfer" itself always submits; Enter (no button named) searches when a
		// search box has text.
		boolean enter = find == null && !params.containsKey("start");
		for (String side : new String[] { "source", "destination" }) {
			String query = text(params, side + "_q");
			if (side.equals(find) || (enter && !query.isEmpty())) {
				return new FormAction("find", side, query, text(params, side + "_scope"));
			}
		}
		return null;
	}

	/**
	 * The form as kept: a search for a pasted collection id chooses that collection (a
	 * pasted id still works), any other search leaves the form as it was.
	 */
	TransferForm applyTo(TransferForm form) {
		UUID pasted = CollectionIds.parse(this.query);
		if (!"find".equals(this.kind) || pasted == null) {
			return form;
		}
		boolean source = "source".equals(this.side);
		return form.withSide(source, pasted.toString(), source ? form.sourcePath() : form.destinationPath(),
				form.manifest());
	}

	/**
	 * Where the browser goes next, for the draft that keeps the form. Browse… opens the
	 * side's folder, or, with no path yet, the lab's folder of a lab collection (a
	 * collection picked from the list without JavaScript comes without its path).
	 */
	String next(String draftId, TransferForm form, List<CollectionPicker.Choice> lab) {
		if ("find".equals(this.kind)) {
			if (CollectionIds.parse(this.query) != null) {
				return TransferPaths.draft(draftId) + "#" + this.side + "_collection";
			}
			return TransferPaths.draft(draftId) + "?find=" + this.side + "&q=" + encode(this.query) + "&scope="
					+ encode(this.scope) + "#" + this.side + "_collection";
		}
		boolean source = "source".equals(this.side);
		UUID collection = CollectionIds.parse(source ? form.sourceCollection() : form.destinationCollection());
		StringBuilder url = new StringBuilder("/files?pick=").append(this.side).append("&draft=").append(draftId);
		if (collection != null) {
			url.append("&a_collection=").append(collection);
			String path = source ? form.sourcePath() : form.destinationPath();
			String folder = folder(path);
			if (path == null || path.isBlank()) {
				folder = lab.stream()
					.filter((c) -> collection.toString().equalsIgnoreCase(c.id()))
					.map((c) -> folder(c.path()))
					.filter(java.util.Objects::nonNull)
					.findFirst()
					.orElse(null);
			}
			if (folder != null) {
				url.append("&a_path=").append(encode(folder));
			}
		}
		return url.toString();
	}

	/** The folder to open for a path: itself, or a file's folder; none for a bad path. */
	static String folder(String path) {
		String p = (path != null) ? path.strip() : "";
		if (p.isEmpty() || !GlobusPath.isValid(p)) {
			return null;
		}
		return p.endsWith("/") ? p : p.substring(0, p.lastIndexOf('/') + 1);
	}

	private static String text(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value.strip() : "";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
