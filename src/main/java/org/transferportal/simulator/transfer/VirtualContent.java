package org.transferportal.simulator.transfer;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * The bytes of a simulated file, made up on the fly from its seed, name and size: any
 * byte range of any size is produced without holding the file, so a 1 GiB file streams in
 * constant memory. Text, CSV, TSV and JSON files read as such (a CSV has a header and
 * rows, a JSON file is one valid array), images are small real images padded with zeros,
 * and anything else is a fixed pattern of bytes ({@link #patternByte}).
 */
final class VirtualContent {

	private final LineSource lines;

	private final byte[] image;

	private final int seed;

	private final long size;

	private VirtualContent(LineSource lines, byte[] image, int seed, long size) {
		this.lines = lines;
		this.image = image;
		this.seed = seed;
		this.size = size;
	}

	/** The made-up content of a file with this seed, name and size. */
	static VirtualContent of(String seed, String name, long size) {
		int hash = seed.hashCode();
		return switch (extension(name)) {
			case "csv" -> new VirtualContent(LineSource.table(hash, name, ","), null, hash, size);
			case "tsv" -> new VirtualContent(LineSource.table(hash, name, "\t"), null, hash, size);
			case "json" -> new VirtualContent(LineSource.json(hash, size), null, hash, size);
			case "txt", "md", "log", "text", "py", "sh", "yaml", "yml", "ini", "cfg", "conf", "xml", "r" ->
				new VirtualContent(LineSource.text(name), null, hash, size);
			case "png", "jpg", "jpeg", "gif" -> new VirtualContent(null, image(hash, extension(name)), hash, size);
			default -> new VirtualContent(null, null, hash, size);
		};
	}

	/**
	 * The byte at an offset of a file with no other content kind: a pattern anyone can
	 * compute from the seed's {@link String#hashCode()} to check a download.
	 */
	static byte patternByte(int seedHash, long offset) {
		return (byte) (offset * 131 + (offset >>> 11) + seedHash);
	}

	/** The bytes from {@code from} (inclusive) to {@code to} (exclusive). */
	InputStream open(long from, long to) {
		return new InputStream() {

			private long position = from;

			@Override
			public int read() {
				byte[] one = new byte[1];
				return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				long end = Math.min(to, VirtualContent.this.size);
				if (this.position >= end) {
					return -1;
				}
				int n = (int) Math.min(length, end - this.position);
				fill(this.position, buffer, offset, n);
				this.position += n;
				return n;
			}

		};
	}

	private void fill(long position, byte[] buffer, int offset, int length) {
		if (this.lines != null) {
			this.lines.fill(position, this.size, buffer, offset, length);
		}
		else if (this.image != null) {
			for (int i = 0; i < length; i++) {
				long at = position + i;
				buffer[offset + i] = (at < this.image.length) ? this.image[(int) at] : 0;
			}
		}
		else {
			for (int i = 0; i < length; i++) {
				buffer[offset + i] = patternByte(this.seed, position + i);
			}
		}
	}

	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** A small real image in the given format, its colours from the seed. */
	private static byte[] image(int seed, String format) {
		BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
		Color base = new Color(seed & 0xffffff);
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				int shade = (x * 2 + y * 3) % 96;
				image.setRGB(x, y, new Color(Math.min(255, base.getRed() / 2 + shade), base.getGreen() / 2 + y * 2,
						Math.min(255, base.getBlue() / 2 + x))
					.getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg".equals(format) ? "jpg" : format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Text made of a head, lines of one width (so that any offset is found by division)
	 * and a tail that closes the file's structure.
	 */
	private static final class LineSource {

		private final byte[] head;

		private final int width;

		private final LineMaker maker;

		private final TailMaker tail;

		private long cachedIndex = -1;

		private byte[] cachedLine;

		private LineSource(byte[] head, int width, LineMaker maker, TailMaker tail) {
			this.head = head;
			this.width = width;
			this.maker = maker;
			this.tail = tail;
		}

		static LineSource text(String name) {
			LineMaker maker = (i) -> bytes(String
				.format(Locale.ROOT, "line %08d of %s: made-up text from the simulated collection%n", i + 1, name)
				.replace("\r", ""));
			return new LineSource(new byte[0], maker.line(0).length, maker, null);
		}

		static LineSource table(int seed, String name, String separator) {
			String head = String.join(separator, "sample", "run", "temperature_c", "pressure_kpa", "ok") + "\n";
			LineMaker maker = (i) -> {
				long mixed = mix(seed, i);
				double temperature = ((mixed & 0xffff) / 65535.0) * 80 - 30;
				double pressure = 95 + ((mixed >>> 16) & 0xffff) / 65535.0 * 15;
				return bytes(String.format(Locale.ROOT,
						"s%07d" + separator + "%03d" + separator + "%8.3f" + separator + "%9.2f" + separator + "%s\n",
						i + 1, i % 1000, temperature, pressure, ((mixed >>> 32) & 1) == 0 ? "yes" : " no"));
			};
			return new LineSource(bytes(head), maker.line(0).length, maker, null);
		}

		/** One JSON array: rows of one width, closed by a last element padded to fit. */
		static LineSource json(int seed, long size) {
			LineMaker maker = (i) -> bytes(
					String.format(Locale.ROOT, "  {\"row\": %010d, \"value\": %.6f, \"ok\": %s},\n", i + 1,
							(mix(seed, i) & 0xffffff) / (double) 0xffffff,
							((mix(seed, i) >>> 40) & 1) == 0 ? "true" : "false"));
			byte[] head = bytes("[\n");
			byte[] last = bytes("  {\"row\": \"end\"}");
			byte[] close = bytes("\n]\n");
			int width = maker.line(0).length;
			long room = size - head.length - last.length - close.length;
			if (room < 0) {
				// Too small for rows: an empty array, padded with spaces.
				return new LineSource(bytes("[]"), 1, (i) -> new byte[] { ' ' }, null);
			}
			long rows = room / width;
			long bodyEnd = head.length + rows * width;
			TailMaker tail = (offset) -> {
				long into = offset - bodyEnd;
				long padding = size - bodyEnd - last.length - close.length;
				if (into < last.length) {
					return last[(int) into];
				}
				if (into < last.length + padding) {
					return (byte) ' ';
				}
				return close[(int) (into - last.length - padding)];
			};
			return new LineSource(head, width, maker, new TailMaker() {

				@Override
				public byte at(long offset) {
					return tail.at(offset);
				}

				@Override
				public long start() {
					return bodyEnd;
				}

			});
		}

		void fill(long position, long size, byte[] buffer, int offset, int length) {
			for (int i = 0; i < length; i++) {
				long at = position + i;
				byte value;
				if (at < this.head.length) {
					value = this.head[(int) at];
				}
				else if (this.tail != null && at >= this.tail.start()) {
					value = this.tail.at(at);
				}
				else {
					long index = (at - this.head.length) / this.width;
					int within = (int) ((at - this.head.length) % this.width);
					value = line(index)[within];
				}
				buffer[offset + i] = value;
			}
		}

		private byte[] line(long index) {
			if (index != this.cachedIndex) {
				this.cachedLine = Arrays.copyOf(this.maker.line(index), this.width);
				this.cachedIndex = index;
			}
			return this.cachedLine;
		}

		private static long mix(int seed, long i) {
			long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			return z ^ (z >>> 31);
		}

		private static byte[] bytes(String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}

	}

	/** Makes the line of an index. */
	@FunctionalInterface
	private interface LineMaker {

		byte[] line(long index);

	}

	/** The bytes after the last whole line. */
	private interface TailMaker {

		byte at(long offset);

		default long start() {
			return Long.MAX_VALUE;
		}

	}

}
