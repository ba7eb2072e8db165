package org.transferportal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory cache whose entries expire after a fixed time and which never holds
 * more than a fixed number of them (the least recently used goes first).
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class ExpiringCache<K, V> {

	private record Entry<V>(V value, Instant expires) {
	}

	private final Duration lifetime;

	private final int capacity;

	private final Clock clock;

	private final LinkedHashMap<K, Entry<V>> entries;

	/**
	 * @param lifetime how long an entry is served after it was put
	 * @param capacity the most entries kept
	 */
	public ExpiringCache(Duration lifetime, int capacity, Clock clock) {
		if (capacity < 1) {
			throw new IllegalArgumentException("A cache holds at least one entry");
		}
		this.lifetime = lifetime;
		this.capacity = capacity;
		this.clock = clock;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
				return size() > ExpiringCache.this.capacity;
			}
		};
	}

	/** The value put under this key, unless it expired or was pushed out. */
	public synchronized Optional<V> get(K key) {
		Entry<V> entry = this.entries.get(key);
		if (entry == null) {
			return Optional.empty();
		}
		if (!entry.expires().isAfter(this.clock.instant())) {
			this.entries.remove(key);
			return Optional.empty();
		}
		return Optional.of(entry.value());
	}

	public synchronized void put(K key, V value) {
		this.entries.put(key, new Entry<>(value, this.clock.instant().plus(this.lifetime)));
	}

	/** How many entries are held, expired ones that were not asked for again included. */
	public synchronized int size() {
		return this.entries.size();
	}

}
