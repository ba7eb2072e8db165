package org.transferportal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The usage pages through the whole portal: server-drawn SVG charts with a title, a
 * description and the numbers of the table beside them, the whole lab's figures for an
 * admin and a member's own otherwise, one collection's traffic, and CSV exports. The
 * figures sit in ISO weeks 2020-W01 and 2020-W02 (2019-12-30 to 2020-01-12), which no
 * other test uses.
 */
class UsageIntegrationTests extends FlowTestSupport {

	static final String PERIOD = "from=2019-12-30&to=2020-01-12";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskStatuses statuses;

	PortalBrowser alice;

	PortalBrowser bob;

	PortalBrowser admin;

	String source;

	String destination;

	@BeforeEach
	void aliceAndBobMovedSomething() {
		this.alice = newBrowser();
		this.alice.login(PortalBrowser.LOGIN);
		this.bob = newBrowser();
		this.bob.login(PortalBrowser.LOGIN);
		this.admin = newBrowser(ADMIN);
		this.admin.login(PortalBrowser.LOGIN);
		// The lab's figures for the period are this test's alone.
		this.jdbc.sql("delete from usage_daily where day_utc between '2019-12-30' and '2020-01-12'").update();
		this.source = UUID.randomUUID().toString();
		this.destination = UUID.randomUUID().toString();
		// Sunday 2019-12-31 is in 2020-W01; 2020-01-06 starts 2020-W02.
		finish(this.alice, "SUCCEEDED", null, 1_200_000_000L, 1500, "2019-12-31T23:59:59Z");
		finish(this.alice, "FAILED", "EXPIRED", 300_000_000L, 20, "2020-01-06T00:00:00Z");
		finish(this.bob, "SUCCEEDED", null, 4_000_000_000L, 7, "2020-01-07T12:00:00Z");
	}

	@Test
	void eachChartIsAnAccessibleSvgWithTheNumbersOfTheTableBesideIt() {
		String page = content(this.admin.get("/lab/usage?" + PERIOD));
		String weekly = svg(page, "chart-weekly-bytes");
		assertThat(weekly).contains("role=\"img\"")
			.contains("aria-labelledby=\"chart-weekly-bytes-title chart-weekly-bytes-desc\"")
			.contains("<title id=\"chart-weekly-bytes-title\">Bytes moved per week</title>")
			.contains("<desc id=\"chart-weekly-bytes-desc\">")
			.contains("the busiest week was 2020-W02")
			.contains("<title>2020-W01: 1.2 GB</title>")
			.contains(">2020-W01</text>");
		assertThat(page).contains("<th scope=\"row\">2020-W01</th>").contains("<td>1.2 GB</td>");
		String users = svg(page, "chart-users");
		assertThat(users).contains("<title>" + this.bob.user().username() + ": 4.0 GB</title>")
			.contains("<title>" + this.alice.user().username() + ": 1.5 GB</title>");
		String failures = svg(page, "chart-failures");
		assertThat(failures).contains("<title>EXPIRED: 1</title>");
		assertThat(page).contains("id=\"table-failures\"").contains("<code>EXPIRED</code>");
		assertThat(svg(page, "chart-collections")).contains("<title>" + this.source + ", Out: 5.5 GB</title>")
			.contains("<title>" + this.destination + ", In: 5.5 GB</title>");
		assertThat(page).as("CSP: no inline style or script").doesNotContain("style=").doesNotContain("<script>");
	}

	@Test
	void aMemberSeesOnlyTheirOwnFigures() {
		String page = content(this.alice.get("/lab/usage?" + PERIOD));
		assertThat(page).contains("Your usage")
			.contains("<title>2020-W01: 1.2 GB</title>")
			.contains("<title>2020-W02: 300.0 MB</title>")
			.doesNotContain("4.0 GB")
			.doesNotContain(this.bob.user().username())
			.doesNotContain("chart-users");
		String csv = content(this.alice.get("/lab/usage.csv?table=users&" + PERIOD));
		assertThat(csv).contains(this.alice.user().username()).doesNotContain(this.bob.user().username());
		String collection = content(this.bob.get("/lab/usage/collections/" + this.source + "?" + PERIOD));
		assertThat(collection).contains("<title>2020-W02, Out: 4.0 GB</title>").doesNotContain("1.2 GB");
	}

	@Test
	void aCollectionsTrafficInAndOutIsShownWeekByWeek() {
		String page = content(this.admin.get("/lab/usage/collections/" + this.destination + "?" + PERIOD));
		String chart = svg(page, "chart-collection");
		assertThat(chart).contains("<title>2020-W01, In: 1.2 GB</title>")
			.contains("<title>2020-W02, In: 4.3 GB</title>")
			.contains("<title>2020-W02, Out: 0 B</title>");
		assertThat(page).contains("id=\"total-in\">5.5 GB<");
		MockHttpServletResponse csv = this.admin
			.get("/lab/usage/collections/" + this.destination + "/weeks.csv?" + PERIOD);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(content(csv))
			.startsWith("week,first_day,last_day,tasks_out,bytes_out,files_out,tasks_in,bytes_in,files_in\r\n")
			.contains("\"2020-W01\",\"2019-12-30\",\"2020-01-05\",\"0\",\"0\",\"0\",\"1\",\"1200000000\",\"1500\"\r\n")
			.contains("\"2020-W02\",\"2020-01-06\",\"2020-01-12\",\"0\",\"0\",\"0\",\"2\",\"4300000000\",\"27\"\r\n");
		assertThat(this.admin.get("/lab/usage/collections/not-a-collection").getStatus()).isEqualTo(404);
	}

	@Test
	void theCsvExportsHoldTheSameFiguresAsThePage() {
		String weeks = content(this.admin.get("/lab/usage.csv?table=weeks&" + PERIOD));
		assertThat(weeks).startsWith("week,first_day,last_day,tasks,succeeded,failed,bytes,files\r\n")
			.contains("\"2020-W01\",\"2019-12-30\",\"2020-01-05\",\"1\",\"1\",\"0\",\"1200000000\",\"1500\"\r\n")
			.contains("\"2020-W02\",\"2020-01-06\",\"2020-01-12\",\"2\",\"1\",\"1\",\"4300000000\",\"27\"\r\n");
		assertThat(content(this.admin.get("/lab/usage.csv?table=failures&" + PERIOD)))
			.isEqualTo("failure_kind,tasks\r\n\"EXPIRED\",\"1\"\r\n");
		assertThat(this.admin.get("/lab/usage.csv?table=secrets&" + PERIOD).getStatus()).isEqualTo(404);
		MockHttpServletResponse bad = this.admin.get("/lab/usage.csv?table=weeks&from=2020-01-12&to=2019-12-30");
		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(content(bad)).contains("The first day must not be after the last day");
	}

	@Test
	void aPeriodThatCannotBeReadIsExplainedInThePageWithTheValuesKept() {
		String page = content(this.admin.get("/lab/usage?from=2020-01-40&to=2020-01-12"));
		assertThat(page).contains("Give a date as YYYY-MM-DD").contains("value=\"2020-01-40\"").doesNotContain("<svg");
		assertThat(content(this.admin.get("/lab/usage?from=2010-01-01&to=2020-01-01")))
			.contains("Choose a period of at most three years");
		assertThat(content(this.admin.get("/lab/usage"))).as("the last twelve weeks by default")
			.contains("Lab usage")
			.contains("chart-weekly-bytes");
	}

	/** The SVG element with this id, as the page has it. */
	private static String svg(String page, String id) {
		Matcher svg = Pattern.compile("<svg[^>]*id=\"" + id + "\".*?</svg>", Pattern.DOTALL).matcher(page);
		assertThat(svg.find()).as("chart " + id).isTrue();
		return svg.group();
	}

	private void finish(PortalBrowser owner, String status, String kind, long bytes, long files, String completion) {
		String taskId = UUID.randomUUID().toString();
		Timestamp submitted = Timestamp.from(Instant.parse(completion).minusSeconds(3600));
		this.jdbc.sql("""
				insert into transfer_request (id, subject, username, status, source_collection, destination_collection,
				  label, form_json, task_id, consent_trips, created_at, updated_at, submitted_at)
				values (?, ?, ?, 'SUBMITTED', ?, ?, 'usage', '{}', ?, 0, ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), owner.user().subject(), owner.user().username(), this.source,
					this.destination, taskId, submitted, submitted, submitted)
			.update();
		this.statuses.learned(owner.user().subject(),
				TaskDocuments.document(taskId, status, kind, bytes, files, completion));
	}

}
