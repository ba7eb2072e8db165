package org.transferportal.collections;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.transferportal.collections.CollectionPicker.Choice;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.support.SlowDownException;

/**
 * The collection pickers of the transfer form, one per side: a plain {@code <select>} of
 * the lab's collections, the user's bookmarks, the collections they used recently at
 * Globus and the results of a search, each shown by name and kind, with the current
 * choice selected (by name even when it is in none of the lists). The field keeps the
 * contract's name and posts the collection id.
 */
@Service
public class FormPickers {

	/** The sides of the form, by the prefix of their fields. */
	public static final List<String> SIDES = List.of("source", "destination");

	private final CollectionPicker picker;

	private final CollectionNames names;

	FormPickers(CollectionPicker picker, CollectionNames names) {
		this.picker = picker;
		this.names = names;
	}

	/**
	 * A search the user asked for on one side (the form's round trip without JavaScript).
	 *
	 * @param side {@code source} or {@code destination}
	 * @param query the text searched for
	 * @param scope the Globus filter scope
	 */
	public record Search(String side, String query, String scope) {

		/** The search of a request, or {@code null} when none (or no valid side). */
		public static Search of(String side, String query, String scope) {
			return (side != null && SIDES.contains(side)) ? new Search(side, (query != null) ? query.strip() : "",
					CollectionPicker.SCOPES.containsKey(scope) ? scope : "all") : null;
		}

	}

	/** One choice of a picker. */
	public record Option(String id, String label, String path, boolean selected) {
	}

	/** A labelled group of choices. */
	public record Group(String label, List<Option> options) {
	}

	/**
	 * One side's picker.
	 *
	 * @param side {@code source} or {@code destination}
	 * @param groups the choices, in groups
	 * @param chosen whether a collection is chosen (one option is selected)
	 * @param chosenName the chosen collection's name, or {@code null}
	 * @param query the search shown with this side, or empty
	 * @param scope its scope
	 * @param message what the search found or why it could not run, or {@code null}
	 */
	public record Side(String side, List<Group> groups, boolean chosen, String chosenName, String query, String scope,
			String message) {
	}

	/** Both sides. */
	public record Pickers(Side source, Side destination) {

		/** The search scopes offered, with their words. */
		public Map<String, String> scopes() {
			return CollectionPicker.SCOPES;
		}

	}

	/**
	 * Both pickers for the form's current collections.
	 * @param search a search to run for one side, or {@code null}
	 * @param askGlobusForNames whether a chosen collection in no list may be named by its
	 * document at Globus (not while the form shows problems: then nothing about it is
	 * sent)
	 */
	public Pickers forForm(String source, String destination, Search search, boolean askGlobusForNames) {
		List<Choice> lab = this.picker.labCollections();
		List<Choice> bookmarks = this.picker.cachedBookmarks();
		List<Choice> recent = this.picker.recentlyUsed();
		List<String> unlisted = new ArrayList<>();
		for (String current : List.of(source, destination)) {
			UUID id = CollectionIds.parse(current);
			if (id != null && !listed(id, lab, bookmarks, recent)) {
				unlisted.add(current.strip());
			}
		}
		Map<String, String> currentNames = askGlobusForNames ? this.names.of(unlisted) : this.names.known(unlisted);
		return new Pickers(side("source", source, lab, bookmarks, recent, currentNames, search),
				side("destination", destination, lab, bookmarks, recent, currentNames, search));
	}

	/**
	 * A search for the page's script: the choices found, by name and kind; a pasted
	 * collection id finds that collection (by name when Globus shows it to this user).
	 */
	public List<Option> search(String query, String scope) {
		String text = (query != null) ? query.strip() : "";
		UUID pasted = CollectionIds.parse(text);
		if (pasted != null) {
			String name = this.names.of(pasted.toString());
			return List.of(new Option(pasted.toString(), (name != null) ? name : pasted.toString(), null, true));
		}
		return this.picker.search(text, scope)
			.stream()
			.map((c) -> new Option(c.id(), label(c, false), c.path(), false))
			.toList();
	}

	private Side side(String side, String current, List<Choice> lab, List<Choice> bookmarks, List<Choice> recent,
			Map<String, String> currentNames, Search search) {
		String query = "";
		String scope = "all";
		String message = null;
		List<Choice> results = List.of();
		if (search != null && search.side().equals(side)) {
			query = search.query();
			scope = search.scope();
			try {
				results = this.picker.search(query, scope);
				message = results.isEmpty() ? "No collections found." : null;
				if (query.isEmpty() && "all".equals(scope)) {
					message = "Type part of a name to search all collections, or choose fewer among.";
				}
			}
			catch (GlobusApiException ex) {
				message = "Globus could not search for collections just now: " + ex.getMessage();
			}
			catch (SlowDownException ex) {
				message = "Slow down: you have searched many times in the last minute. Search again in "
						+ Math.max(1, ex.waitFor().toSeconds()) + " seconds.";
			}
		}
		UUID chosen = CollectionIds.parse(current);
		Set<String> selected = new HashSet<>();
		List<Group> groups = new ArrayList<>();
		String chosenName = null;
		if (!results.isEmpty()) {
			groups.add(group("Found for “" + query + "”", results, chosen, selected, false));
		}
		groups.add(group("Lab collections", lab, chosen, selected, false));
		groups.add(group("Your bookmarks", bookmarks, chosen, selected, true));
		groups.add(group("Recently used", recent, chosen, selected, false));
		for (List<Choice> list : List.of(results, lab, bookmarks, recent)) {
			for (Choice c : list) {
				if (chosenName == null && chosen != null && chosen.toString().equalsIgnoreCase(c.id())
						&& c.bookmarkId() == null) {
					chosenName = c.name();
				}
			}
		}
		if (!current.isBlank() && selected.isEmpty()) {
			// Chosen elsewhere (a deep link, a preset, the file manager): kept, by name.
			String name = currentNames.get(current.strip());
			chosenName = name;
			groups.add(0, new Group("Chosen",
					List.of(new Option(current.strip(), (name != null) ? name : current.strip(), null, true))));
			selected.add(current.strip());
		}
		groups.removeIf((g) -> g.options().isEmpty());
		return new Side(side, groups, !selected.isEmpty(), chosenName, query, scope, message);
	}

	private static Group group(String label, List<Choice> choices, UUID chosen, Set<String> selected,
			boolean bookmarks) {
		List<Option> options = new ArrayList<>();
		for (Choice c : choices) {
			boolean isChosen = chosen != null && selected.isEmpty() && chosen.toString().equalsIgnoreCase(c.id());
			if (isChosen) {
				selected.add(c.id());
			}
			options.add(new Option(c.id(), label(c, bookmarks), c.path(), isChosen));
		}
		return new Group(label, options);
	}

	/** What an option says: the name and, where known, its kind or folder. */
	private static String label(Choice c, boolean bookmark) {
		if (bookmark) {
			return c.name() + ((c.path() != null) ? " — " + c.path() : "");
		}
		String type = CollectionPicker.typeWords(c.entityType());
		String owner = (c.owner() != null && !c.owner().contains("@clients.auth.globus.org")) ? c.owner() : null;
		String detail = (type != null && owner != null) ? type + ", " + owner : (type != null) ? type : owner;
		return (detail != null) ? c.name() + " (" + detail + ")" : c.name();
	}

	private static boolean listed(UUID id, List<Choice> lab, List<Choice> bookmarks, List<Choice> recent) {
		for (List<Choice> list : List.of(lab, bookmarks, recent)) {
			for (Choice c : list) {
				if (id.toString().equalsIgnoreCase(c.id())) {
					return true;
				}
			}
		}
		return false;
	}

}
