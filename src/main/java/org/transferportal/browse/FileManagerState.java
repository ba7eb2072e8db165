package org.transferportal.browse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.util.MultiValueMap;

import org.transferportal.globus.CanonicalUuid;

/**
 * Both panes of the file manager; every link and form of the page carries it, so the page
 * works without JavaScript and its address can be bookmarked or shared.
 *
 * @param left the left pane (usually the source)
 * @param right the right pane (usually the destination)
 * @param choosing the transfer form this page chooses a side for, or {@code null}
 */
record FileManagerState(PaneState left, PaneState right, Choosing choosing) {

	static final String PATH = "/files";

	FileManagerState(PaneState left, PaneState right) {
		this(left, right, null);
	}

	/**
	 * The "choose for the transfer form" mode: one pane, whose folder or files become a
	 * side of the user's draft ({@code pick} and {@code draft} in the address).
	 *
	 * @param side {@code source} or {@code destination}
	 * @param draft the draft's id
	 */
	record Choosing(String side, String draft) {

		static Choosing from(MultiValueMap<String, String> params) {
			String side = params.getFirst("pick");
			UUID draft = CanonicalUuid.parse(params.getFirst("draft"));
			return (("source".equals(side) || "destination".equals(side)) && draft != null)
					? new Choosing(side, draft.toString()) : null;
		}

		public boolean source() {
			return "source".equals(this.side);
		}

		/** The draft's form, to go back to without choosing. */
		public String back() {
			return "/transfer/drafts/" + this.draft;
		}

		/** Where the choice is posted. */
		public String action() {
			return "/transfer/drafts/" + this.draft + "/choice";
		}

	}

	static FileManagerState from(MultiValueMap<String, String> params) {
		return new FileManagerState(PaneState.from(params, "a_"), PaneState.from(params, "b_"), Choosing.from(params));
	}

	/**
	 * The page a link to the retired single-pane browser meant: its {@code collection},
	 * {@code path} and {@code offset} in the left pane.
	 */
	static FileManagerState fromBrowseLink(MultiValueMap<String, String> params) {
		PaneState left = PaneState.empty()
			.withFolder(params.getFirst("collection"), params.getFirst("path"))
			.withOffset(PaneState.number(params.getFirst("offset")));
		return new FileManagerState(left, PaneState.empty());
	}

	/** One pane's state by its name, {@code a} or {@code b}. */
	PaneState pane(String name) {
		return "a".equals(name) ? this.left : this.right;
	}

	/** The address of this page. */
	public String url() {
		return url(this);
	}

	/** The page with one pane opened at another folder. */
	public String folder(String pane, String path) {
		return change(pane, (p) -> p.withPath(path));
	}

	/** The page with one pane opened at a collection's folder (from the picker). */
	public String choose(String pane, String collection, String path) {
		return change(pane, (p) -> p.withFolder(collection, (path != null) ? path : ""));
	}

	/** The page with one pane at another page of its folder. */
	public String page(String pane, int offset) {
		return change(pane, (p) -> p.withOffset(offset));
	}

	/** The page with one pane sorted by a field (again: reversed). */
	public String sort(String pane, String field) {
		return change(pane, (p) -> p.withSort(field));
	}

	/** The page with one pane back at the collection picker. */
	public String clear(String pane) {
		return change(pane, PaneState::cleared);
	}

	/**
	 * Hidden fields that carry everything but the named fields of one pane, for the
	 * pane's own GET forms.
	 */
	public List<Field> keep(String pane, String... except) {
		Map<String, String> params = params(this);
		for (String name : except) {
			params.remove(pane + "_" + name);
		}
		List<Field> fields = new ArrayList<>();
		params.forEach((name, value) -> fields.add(new Field(name, value)));
		return fields;
	}

	/** The other pane's name. */
	public static String other(String pane) {
		return "a".equals(pane) ? "b" : "a";
	}

	private String change(String pane, UnaryOperator<PaneState> change) {
		return url("a".equals(pane) ? new FileManagerState(change.apply(this.left), this.right, this.choosing)
				: new FileManagerState(this.left, change.apply(this.right), this.choosing));
	}

	private static Map<String, String> params(FileManagerState state) {
		Map<String, String> params = new LinkedHashMap<>(state.left.params("a_"));
		params.putAll(state.right.params("b_"));
		if (state.choosing != null) {
			params.put("pick", state.choosing.side());
			params.put("draft", state.choosing.draft());
		}
		return params;
	}

	private static String url(FileManagerState state) {
		StringBuilder url = new StringBuilder(PATH);
		char separator = '?';
		for (Map.Entry<String, String> param : params(state).entrySet()) {
			url.append(separator).append(param.getKey()).append('=').append(encode(param.getValue()));
			separator = '&';
		}
		return url.toString();
	}

	/**
	 * Encodes fully ('+' too, which servers read as a space), but keeps slashes readable.
	 */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2F", "/");
	}

	/** A hidden form field. */
	record Field(String name, String value) {
	}

}
