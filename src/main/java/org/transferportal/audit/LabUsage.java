package org.transferportal.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionNames;
import org.transferportal.globus.CanonicalUuid;
import org.transferportal.lab.LabAccess;
import org.transferportal.lab.LabProperties;
import org.transferportal.support.Sizes;

/**
 * Usage figures for the usage pages: the whole lab's for an admin, a member's own
 * otherwise; by ISO week, user, collection and failure kind, from the daily roll-up.
 */
@Service
class LabUsage {

	/** Most users or collections in a chart; the tables list them all. */
	static final int CHART_ROWS = 15;

	private final UsageFigures figures;

	private final CurrentUser currentUser;

	private final LabAccess access;

	private final LabProperties lab;

	private final Clock clock;

	private final CollectionNames names;

	LabUsage(UsageFigures figures, CurrentUser currentUser, LabAccess access, LabProperties lab, Clock clock,
			CollectionNames names) {
		this.names = names;
		this.figures = figures;
		this.currentUser = currentUser;
		this.access = access;
		this.lab = lab;
		this.clock = clock;
	}

	/** Whether the logged-in user sees the whole lab's figures. */
	boolean seesEveryone() {
		return this.access.isAdmin(this.currentUser.username());
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	UsageReport report(LocalDate from, LocalDate to) {
		boolean everyone = seesEveryone();
		UsageFigures.Scope scope = new UsageFigures.Scope(from, to, everyone ? null : this.currentUser.subject());
		List<UsageReport.Week> weeks = weeks(from, to, this.figures.byDay(scope));
		UsageReport.Totals totals = new UsageReport.Totals(sum(weeks, UsageReport.Week::tasks),
				sum(weeks, UsageReport.Week::succeeded), sum(weeks, UsageReport.Week::bytes),
				sum(weeks, UsageReport.Week::files));
		List<UsageReport.User> users = this.figures.byUser(scope)
			.stream()
			.map((u) -> new UsageReport.User(u.subject(), u.username(), u.tasks(), u.succeeded(), u.bytes(), u.files()))
			.toList();
		List<UsageReport.CollectionTraffic> collections = collections(
				this.figures.byCollection(scope, "source_collection"),
				this.figures.byCollection(scope, "destination_collection"));
		long failed = totals.failed();
		List<UsageReport.Failure> failures = this.figures.failures(scope)
			.stream()
			.map((f) -> new UsageReport.Failure(f.kind(), f.tasks(), failed))
			.toList();
		String period = from + " to " + to + " (UTC)";
		UsageReport.Charts charts = new UsageReport.Charts(
				weeklyChart("chart-weekly-bytes", "Bytes moved per week", "bytes", period, weeks,
						UsageReport.Week::bytes, Sizes::human),
				weeklyChart("chart-weekly-files", "Files moved per week", "files", period, weeks,
						UsageReport.Week::files, LabUsage::number),
				everyone ? usersChart(period, users) : null, collectionsChart(period, collections),
				failuresChart(period, failures));
		return new UsageReport(from, to, everyone, totals, weeks, users, collections, failures, charts);
	}

	/**
	 * One collection's traffic per week, out (as source) and in (as destination); empty
	 * for a malformed id.
	 */
	Optional<CollectionUsage> collection(String id, LocalDate from, LocalDate to) {
		if (id == null || CanonicalUuid.parse(id) == null) {
			return Optional.empty();
		}
		String collection = CanonicalUuid.parse(id).toString();
		UsageFigures.Scope scope = new UsageFigures.Scope(from, to, seesEveryone() ? null : this.currentUser.subject());
		List<UsageReport.Week> out = weeks(from, to, this.figures.byDay(scope, "source_collection", collection));
		List<UsageReport.Week> in = weeks(from, to, this.figures.byDay(scope, "destination_collection", collection));
		List<CollectionUsage.Week> weeks = new ArrayList<>();
		for (int i = 0; i < out.size(); i++) {
			weeks.add(new CollectionUsage.Week(out.get(i).name(), out.get(i).monday(), out.get(i).tasks(),
					out.get(i).bytes(), out.get(i).files(), in.get(i).tasks(), in.get(i).bytes(), in.get(i).files()));
		}
		String known = this.names.of(collection);
		String name = (known != null) ? known : collection;
		long bytesOut = sum(out, UsageReport.Week::bytes);
		long bytesIn = sum(in, UsageReport.Week::bytes);
		String description = "Bytes that left " + name + " (out, as source) and reached it (in, as destination) in "
				+ "each ISO week from " + from + " to " + to + " (UTC): " + Sizes.human(bytesOut) + " out and "
				+ Sizes.human(bytesIn) + " in.";
		Chart chart = Chart.columns("chart-collection", "Traffic of " + name + " per week", description,
				weeks.stream().map(CollectionUsage.Week::name).toList(),
				List.of(new Chart.Series("Out", Chart.ORANGE, out.stream().map(UsageReport.Week::bytes).toList()),
						new Chart.Series("In", Chart.BLUE, in.stream().map(UsageReport.Week::bytes).toList())),
				Sizes::human);
		return Optional
			.of(new CollectionUsage(collection, name, from, to, seesEveryone(), weeks, bytesOut, bytesIn, chart));
	}

	/** The lab's collections, for the pages' pickers and links. */
	Map<String, String> labCollections() {
		return this.lab.collectionNames();
	}

	/**
	 * Every ISO week of the period, the days' sums added up (weeks without any are zero).
	 */
	static List<UsageReport.Week> weeks(LocalDate from, LocalDate to, List<UsageFigures.Day> days) {
		Map<LocalDate, List<UsageFigures.Day>> byMonday = days.stream()
			.collect(Collectors.groupingBy((d) -> UtcDays.monday(d.day())));
		return UtcDays.mondays(from, to).stream().map((monday) -> {
			List<UsageFigures.Day> in = byMonday.getOrDefault(monday, List.of());
			return new UsageReport.Week(UtcDays.week(monday), monday,
					in.stream().mapToLong(UsageFigures.Day::tasks).sum(),
					in.stream().mapToLong(UsageFigures.Day::succeeded).sum(),
					in.stream().mapToLong(UsageFigures.Day::bytes).sum(),
					in.stream().mapToLong(UsageFigures.Day::files).sum());
		}).toList();
	}

	private List<UsageReport.CollectionTraffic> collections(List<UsageFigures.Side> out, List<UsageFigures.Side> in) {
		Map<String, String> names = this.lab.collectionNames();
		Map<String, UsageFigures.Side> outs = out.stream()
			.collect(Collectors.toMap(UsageFigures.Side::collection, Function.identity()));
		Map<String, UsageFigures.Side> ins = in.stream()
			.collect(Collectors.toMap(UsageFigures.Side::collection, Function.identity()));
		Map<String, String> all = new LinkedHashMap<>(names);
		List<String> others = java.util.stream.Stream.concat(outs.keySet().stream(), ins.keySet().stream())
			.filter((id) -> !names.containsKey(id))
			.distinct()
			.toList();
		Map<String, String> named = this.names.of(others);
		others.forEach((id) -> all.putIfAbsent(id, named.getOrDefault(id, id)));
		UsageFigures.Side none = new UsageFigures.Side("", 0, 0, 0);
		return all.entrySet().stream().map((entry) -> {
			UsageFigures.Side o = outs.getOrDefault(entry.getKey(), none);
			UsageFigures.Side i = ins.getOrDefault(entry.getKey(), none);
			return new UsageReport.CollectionTraffic(entry.getKey(), entry.getValue(), o.tasks(), o.bytes(), o.files(),
					i.tasks(), i.bytes(), i.files());
		})
			.sorted(Comparator.comparingLong((UsageReport.CollectionTraffic c) -> c.bytesOut() + c.bytesIn())
				.reversed()
				.thenComparing(UsageReport.CollectionTraffic::name))
			.toList();
	}

	private static Chart weeklyChart(String id, String title, String unit, String period, List<UsageReport.Week> weeks,
			java.util.function.ToLongFunction<UsageReport.Week> value, java.util.function.LongFunction<String> format) {
		long total = weeks.stream().mapToLong(value).sum();
		UsageReport.Week busiest = weeks.stream().max(Comparator.comparingLong(value)).orElse(null);
		String description = (total == 0) ? "No " + unit + " were moved in any ISO week from " + period + "."
				: "The " + unit + " moved in each ISO week from " + period + ": " + format.apply(total)
						+ " in all; the busiest week was " + busiest.name() + " with "
						+ format.apply(value.applyAsLong(busiest)) + ".";
		return Chart.columns(id, title, description, weeks.stream().map(UsageReport.Week::name).toList(),
				List.of(new Chart.Series(title, Chart.BLUE, weeks.stream().map(value::applyAsLong).toList())), format);
	}

	private static Chart usersChart(String period, List<UsageReport.User> users) {
		List<UsageReport.User> top = users.stream().limit(CHART_ROWS).toList();
		String description = users.isEmpty() ? "No one moved anything from " + period + "."
				: "The bytes each user moved from " + period + ", most first: " + top.get(0).username() + " moved "
						+ top.get(0).bytesText() + "." + more(users.size());
		return Chart.bars("chart-users", "Bytes moved per user", description,
				top.stream().map(UsageReport.User::username).toList(),
				List.of(new Chart.Series("Bytes", Chart.BLUE, top.stream().map(UsageReport.User::bytes).toList())),
				Sizes::human);
	}

	private static Chart collectionsChart(String period, List<UsageReport.CollectionTraffic> collections) {
		List<UsageReport.CollectionTraffic> top = collections.stream().limit(CHART_ROWS).toList();
		UsageReport.CollectionTraffic first = top.isEmpty() ? null : top.get(0);
		String description = (first == null || first.bytesOut() + first.bytesIn() == 0)
				? "No collection sent or received anything from " + period + "."
				: "The bytes that left each collection (out) and reached it (in) from " + period + "; the busiest was "
						+ first.name() + " with " + first.bytesOutText() + " out and " + first.bytesInText() + " in."
						+ more(collections.size());
		return Chart.bars("chart-collections", "Bytes out of and into each collection", description,
				top.stream().map(UsageReport.CollectionTraffic::name).toList(),
				List.of(new Chart.Series("Out", Chart.ORANGE,
						top.stream().map(UsageReport.CollectionTraffic::bytesOut).toList()),
						new Chart.Series("In", Chart.BLUE,
								top.stream().map(UsageReport.CollectionTraffic::bytesIn).toList())),
				Sizes::human);
	}

	private static Chart failuresChart(String period, List<UsageReport.Failure> failures) {
		List<UsageReport.Failure> top = failures.stream().limit(CHART_ROWS).toList();
		String description = failures.isEmpty() ? "No task failed from " + period + "."
				: "Failed tasks by kind from " + period + ", most common first: " + top.get(0).kind() + " ("
						+ top.get(0).tasks() + " of " + top.get(0).ofAllFailed() + ")." + more(failures.size());
		return Chart.bars("chart-failures", "Failed tasks by kind", description,
				top.stream().map(UsageReport.Failure::kind).toList(),
				List.of(new Chart.Series("Tasks", Chart.RED, top.stream().map(UsageReport.Failure::tasks).toList())),
				LabUsage::number);
	}

	private static String more(int rows) {
		return (rows > CHART_ROWS) ? " The chart shows the first " + CHART_ROWS + " of " + rows + "; the table all."
				: "";
	}

	static String number(long value) {
		return String.format(java.util.Locale.ROOT, "%,d", value);
	}

	private static <T> long sum(List<T> rows, java.util.function.ToLongFunction<T> value) {
		return rows.stream().mapToLong(value).sum();
	}

}
