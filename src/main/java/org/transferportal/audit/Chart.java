package org.transferportal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * A chart drawn on the server as SVG (no script, no inline style): the shapes in page
 * coordinates, with a title and a description for assistive technology. The page shows
 * the same numbers in a table beside it.
 *
 * @param id unique in the page; the SVG's title and description ids derive from it
 * @param title what the chart shows
 * @param description the chart in one or two sentences, with its main figures
 * @param width the drawing's width
 * @param height the drawing's height
 * @param bars the bars
 * @param texts axis and value labels
 * @param lines grid lines
 * @param legend the series' names and colours, when there are several
 */
record Chart(String id, String title, String description, int width, int height, List<Bar> bars, List<Text> texts,
		List<Line> lines, List<Key> legend) {

	/** A bar; {@code tip} is its tooltip (an SVG title). */
	record Bar(String x, String y, String width, String height, String fill, String tip) {
	}

	/** A text; {@code anchor} is SVG's {@code text-anchor}. */
	record Text(String x, String y, String text, String anchor) {
	}

	/** A grid line. */
	record Line(String x1, String y1, String x2, String y2) {
	}

	/** One series in the legend. */
	record Key(String name, String fill) {
	}

	/** Values of one series over the categories, drawn in one colour. */
	record Series(String name, String fill, List<Long> values) {
	}

	static final String BLUE = "#0b5cad";

	static final String ORANGE = "#b35c00";

	static final String RED = "#b3261e";

	private static final int WIDTH = 720;

	private static final int LEFT = 72;

	private static final int TOP = 12;

	private static final int BOTTOM = 28;

	private static final int PLOT_HEIGHT = 200;

	/** Room a category label needs under a column chart, so that none overlap. */
	private static final double LABEL_SPACE = 44;

	private static final int ROW = 26;

	private static final int LABEL_WIDTH = 220;

	private static final int VALUE_WIDTH = 100;

	private static final int LABEL_CHARS = 30;

	/**
	 * Columns over categories (weeks), one per series side by side, on a y axis from zero
	 * to a round maximum with four grid lines.
	 */
	static Chart columns(String id, String title, String description, List<String> categories, List<Series> series,
			LongFunction<String> format) {
		long max = series.stream().flatMap((s) -> s.values().stream()).mapToLong(Long::longValue).max().orElse(0);
		long top = roundUp(max);
		int plotWidth = WIDTH - LEFT - 8;
		int bottom = TOP + PLOT_HEIGHT;
		List<Bar> bars = new ArrayList<>();
		List<Text> texts = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			long value = top * i / 4;
			double y = bottom - PLOT_HEIGHT * (double) i / 4;
			lines.add(new Line(n(LEFT), n(y), n(WIDTH - 8), n(y)));
			texts.add(new Text(n(LEFT - 6), n(y + 4), format.apply(value), "end"));
		}
		int count = Math.max(1, categories.size());
		double slot = (double) plotWidth / count;
		double gap = Math.min(8, slot * 0.2);
		double barWidth = (slot - gap) / Math.max(1, series.size());
		int every = (int) Math.ceil(categories.size() * LABEL_SPACE / plotWidth);
		String shownYear = null;
		for (int c = 0; c < categories.size(); c++) {
			double x = LEFT + c * slot + gap / 2;
			for (int s = 0; s < series.size(); s++) {
				long value = series.get(s).values().get(c);
				double height = (top == 0) ? 0 : PLOT_HEIGHT * (double) value / top;
				String tip = categories.get(c) + ((series.size() > 1) ? ", " + series.get(s).name() : "") + ": "
						+ format.apply(value);
				bars.add(new Bar(n(x + s * barWidth), n(bottom - height), n(barWidth), n(height), series.get(s).fill(),
						tip));
			}
			if (c % every == 0) {
				String label = categories.get(c);
				String year = year(label);
				// "2026-W05" once per year, then "W06", "W07": short enough to sit under
				// every column of twelve weeks.
				String text = (year != null && year.equals(shownYear)) ? label.substring(year.length() + 1) : label;
				shownYear = year;
				texts.add(new Text(n(LEFT + c * slot + slot / 2), n(bottom + 18), text, "middle"));
			}
		}
		return new Chart(id, title, description, WIDTH, bottom + BOTTOM, bars, texts, lines, legend(series));
	}

	/**
	 * Horizontal bars, one row per label (users, collections, failure kinds), with one
	 * bar per series in each row.
	 */
	static Chart bars(String id, String title, String description, List<String> labels, List<Series> series,
			LongFunction<String> format) {
		long max = series.stream().flatMap((s) -> s.values().stream()).mapToLong(Long::longValue).max().orElse(0);
		int plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
		int barHeight = (series.size() > 1) ? 14 : ROW - 8;
		int row = barHeight * series.size() + 8;
		List<Bar> bars = new ArrayList<>();
		List<Text> texts = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			double top = TOP + i * row;
			texts.add(new Text(n(LABEL_WIDTH - 8), n(top + (row - 8) / 2.0 + 4), shorten(labels.get(i)), "end"));
			for (int s = 0; s < series.size(); s++) {
				long value = series.get(s).values().get(i);
				double y = top + s * barHeight;
				double width = (max == 0) ? 0 : plotWidth * (double) value / max;
				String tip = labels.get(i) + ((series.size() > 1) ? ", " + series.get(s).name() : "") + ": "
						+ format.apply(value);
				bars.add(new Bar(n(LABEL_WIDTH), n(y), n(width), n(barHeight - 2), series.get(s).fill(), tip));
				texts.add(
						new Text(n(LABEL_WIDTH + width + 6), n(y + barHeight / 2.0 + 3), format.apply(value), "start"));
			}
		}
		return new Chart(id, title, description, WIDTH, TOP * 2 + Math.max(1, labels.size()) * row, bars, texts,
				List.of(), legend(series));
	}

	private static List<Key> legend(List<Series> series) {
		return (series.size() > 1) ? series.stream().map((s) -> new Key(s.name(), s.fill())).toList() : List.of();
	}

	/** The SVG title's id. */
	public String titleId() {
		return this.id + "-title";
	}

	/** The SVG description's id. */
	public String descriptionId() {
		return this.id + "-desc";
	}

	/** The SVG's view box. */
	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

	/**
	 * A round top for an axis: 1, 2, 2.5 or 5 times a power of ten, at least the maximum.
	 */
	static long roundUp(long max) {
		if (max <= 0) {
			return 1;
		}
		for (long power = 1; power <= Long.MAX_VALUE / 100; power *= 10) {
			for (long candidate : new long[] { power, 2 * power, power * 5 / 2, 5 * power }) {
				if (candidate >= max) {
					return candidate;
				}
			}
		}
		return max;
	}

	/** The year of a week's name ({@code 2026} of {@code 2026-W05}), or {@code null}. */
	private static String year(String category) {
		return category.matches("\\d{4}-W\\d{2}") ? category.substring(0, 4) : null;
	}

	private static String shorten(String label) {
		return (label.length() <= LABEL_CHARS) ? label : label.substring(0, LABEL_CHARS - 1) + "…";
	}

	private static String n(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
