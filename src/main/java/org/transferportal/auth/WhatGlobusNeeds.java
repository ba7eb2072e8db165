package org.transferportal.auth;

import java.util.List;

import org.transferportal.globus.AuthorizationParameters;

/**
 * What Globus needs before the portal may use a collection, in the user's words: a
 * consent ("Allow access to Lab Data"), or a new login of a certain kind ("Log in again
 * with your uchicago.edu identity", "… with multi-factor authentication", "… as the
 * collection's policy requires"), never a bare "Grant access" for a login Globus will ask
 * for.
 *
 * @param message what is needed and why, naming the collection
 * @param action the words of the button that starts the trip to Globus
 * @param login whether the trip is a new login (rather than a consent)
 */
public record WhatGlobusNeeds(String message, String action, boolean login) {

	/** A data_access consent for the collection. */
	public static WhatGlobusNeeds consent(String collection) {
		return new WhatGlobusNeeds(
				"Globus needs your consent before the portal can use " + collection
						+ " for you. You will allow it at Globus and come straight back here.",
				"Allow access to " + collection, false);
	}

	/**
	 * A data_access consent the user gave before, which Globus needs confirmed once more
	 * (it then approves it without asking).
	 */
	public static WhatGlobusNeeds consentGivenBefore(String collection) {
		return new WhatGlobusNeeds(
				"You allowed the portal to use " + collection
						+ " before; Globus needs you to confirm it once more, and approves it without asking again.",
				"Confirm access to " + collection, false);
	}

	/** What a Globus Auth requirement error asks for, about the collection. */
	public static WhatGlobusNeeds of(AuthorizationParameters needs, String collection) {
		String said = (needs.sessionMessage() != null && !needs.sessionMessage().isBlank())
				? " Globus says: “" + needs.sessionMessage().strip() + "”" : "";
		if (!needs.sessionRequiredSingleDomain().isEmpty()) {
			String domains = or(needs.sessionRequiredSingleDomain());
			return new WhatGlobusNeeds(collection + " accepts only identities from " + domains
					+ ". Log in again with one (it may be linked to your Globus account) and come straight back here."
					+ said, "Log in again with your " + domains + " identity", true);
		}
		if (needs.sessionRequiredMfa()) {
			return new WhatGlobusNeeds(
					collection + " needs a login that used multi-factor authentication. Log in again with it and come "
							+ "straight back here." + said,
					"Log in again with multi-factor authentication", true);
		}
		if (!needs.sessionRequiredIdentities().isEmpty()) {
			String who = or(needs.sessionRequiredIdentities().stream().filter((i) -> i.contains("@")).toList());
			return new WhatGlobusNeeds(
					collection + " needs a login with " + (who.isEmpty() ? "a particular identity" : who)
							+ ". Log in again with it and come straight back here." + said,
					who.isEmpty() ? "Log in again with the identity it needs" : "Log in again as " + who, true);
		}
		if (!needs.sessionRequiredPolicies().isEmpty()) {
			return new WhatGlobusNeeds(collection + " has a security policy your current login does not meet (for "
					+ "example a recent login from a particular institution). Globus will ask you to log in again as "
					+ "it requires, then you come straight back here." + said,
					"Log in again as " + collection + " requires", true);
		}
		if ("login".equals(needs.prompt())) {
			return new WhatGlobusNeeds(
					collection + " needs a recent login. Log in again and come straight back here." + said,
					"Log in again", true);
		}
		return consent(collection);
	}

	private static String or(List<String> values) {
		if (values.size() <= 1) {
			return values.isEmpty() ? "" : values.get(0);
		}
		return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
	}

}
