package org.transferportal.collections;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renaming and deleting Transfer bookmarks, over HTTP against the demo's simulated
 * Globus, which keeps each user's bookmarks apart as Globus does: a bookmark id from
 * someone else's list reaches nothing.
 */
class BookmarkIntegrationTests extends DemoTestSupport {

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	@Test
	void anOwnerRenamesAndDeletesAndNobodyElseCan() {
		DemoUserAgent alice = new DemoUserAgent(base(), "alice@globusid.org");
		DemoUserAgent bob = new DemoUserAgent(base(), "bob@uchicago.edu");
		DemoUserAgent.Page files = alice.open("/files?a_collection=" + LAB_DATA + "&a_path=/projects/alpha/");
		alice.post("/files/bookmark", files,
				Map.of("collection", LAB_DATA, "path", "/projects/alpha/", "name", "Alpha runs", "back", "/files"));
		DemoUserAgent.Page list = alice.open("/bookmarks");
		assertThat(list.body()).contains("value=\"Alpha runs\"").contains("/projects/alpha/");
		String id = bookmarkId(list.body());

		DemoUserAgent.Page bobs = bob.open("/bookmarks");
		assertThat(bobs.body()).doesNotContain("Alpha runs").contains("You have no bookmarks yet");
		assertThat(bob.open("/bookmarks/" + id + "/delete").status()).as("confirmation page").isEqualTo(404);
		// Bob's list has no form; any page of his with one carries his CSRF token.
		DemoUserAgent.Page withToken = bob.open("/transfer");
		DemoUserAgent.Page refused = bob.post("/bookmarks/" + id + "/delete", withToken, Map.of());
		assertThat(refused.body()).contains("Globus has no such bookmark for you");
		assertThat(bob.post("/bookmarks/" + id + "/rename", withToken, Map.of("name", "Mine now")).body())
			.contains("Globus has no such bookmark for you");
		assertThat(alice.open("/bookmarks").body()).contains("value=\"Alpha runs\"").doesNotContain("Mine now");

		DemoUserAgent.Page tooLong = alice.post("/bookmarks/" + id + "/rename", list, Map.of("name", "x".repeat(129)));
		assertThat(tooLong.body()).contains("A bookmark name has 1 to 128 characters")
			.contains("value=\"" + "x".repeat(129) + "\"");
		DemoUserAgent.Page renamed = alice.post("/bookmarks/" + id + "/rename", list,
				Map.of("name", "Alpha <runs> & more"));
		assertThat(renamed.body()).contains("value=\"Alpha &lt;runs&gt; &amp; more\"").doesNotContain("<runs>");

		DemoUserAgent.Page confirm = alice.open("/bookmarks/" + id + "/delete");
		assertThat(confirm.body()).contains("confirm-delete");
		DemoUserAgent.Page deleted = alice.post("/bookmarks/" + id + "/delete", confirm, Map.of());
		assertThat(deleted.body()).contains("Bookmark deleted").contains("You have no bookmarks yet");
	}

	@Test
	void malformedIdsNeverReachGlobus() {
		DemoUserAgent carol = new DemoUserAgent(base(), "carol@example.edu");
		DemoUserAgent.Page list = carol.open("/transfer");
		assertThat(carol.open("/bookmarks/not-an-id/delete").status()).isEqualTo(404);
		assertThat(carol.post("/bookmarks/..%2Fendpoint/delete", list, Map.of()).status()).isIn(400, 404);
	}

	private static String bookmarkId(String page) {
		Matcher matcher = Pattern.compile("action=\"/bookmarks/([0-9a-f-]{36})/rename\"").matcher(page);
		assertThat(matcher.find()).as("a bookmark on the page").isTrue();
		return matcher.group(1);
	}

}
