package org.transferportal.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

class SparingSessionRepositoryTests {

	private final CountingRepository store = new CountingRepository();

	private final SparingSessionRepository<MapSession> sessions = new SparingSessionRepository<>(this.store);

	@Test
	void aNewSessionIsAlwaysWritten() {
		SparingSessionRepository.SparingSession<MapSession> session = this.sessions.createSession();
		this.sessions.save(session);
		assertThat(this.store.saved).containsExactly(session.getId());
	}

	@Test
	void anUnchangedSessionUsedAgainWithinAMinuteIsNotWritten() {
		String id = stored(Instant.now().minusSeconds(20));
		SparingSessionRepository.SparingSession<MapSession> session = this.sessions.findById(id);
		session.setLastAccessedTime(Instant.now());
		this.sessions.save(session);
		assertThat(this.store.saved).isEmpty();
		assertThat(session.getLastAccessedTime()).as("the request still sees its own access")
			.isAfter(Instant.now().minusSeconds(5));
	}

	@Test
	void anUnchangedSessionLastWrittenAMinuteAgoIsWrittenWithItsNewAccess() {
		Instant before = Instant.now().minus(SparingSessionRepository.GRANULARITY);
		String id = stored(before);
		SparingSessionRepository.SparingSession<MapSession> session = this.sessions.findById(id);
		Instant now = Instant.now();
		session.setLastAccessedTime(now);
		this.sessions.save(session);
		assertThat(this.store.saved).containsExactly(id);
		assertThat(this.store.sessions.get(id).getLastAccessedTime()).isEqualTo(now);
	}

	@Test
	void aChangedAttributeIsWrittenAtOnceWithTheAccess() {
		String id = stored(Instant.now().minusSeconds(1));
		SparingSessionRepository.SparingSession<MapSession> session = this.sessions.findById(id);
		Instant now = Instant.now();
		session.setLastAccessedTime(now);
		session.setAttribute("draft", "d-1");
		this.sessions.save(session);
		assertThat(this.store.saved).containsExactly(id);
		assertThat(this.store.sessions.get(id).<String>getAttribute("draft")).isEqualTo("d-1");
		assertThat(this.store.sessions.get(id).getLastAccessedTime()).isEqualTo(now);
	}

	@Test
	void aRemovedAttributeANewLifetimeAndANewIdAreWritten() {
		String id = stored(Instant.now());
		SparingSessionRepository.SparingSession<MapSession> removed = this.sessions.findById(id);
		removed.removeAttribute("draft");
		this.sessions.save(removed);
		SparingSessionRepository.SparingSession<MapSession> lifetime = this.sessions.findById(id);
		lifetime.setMaxInactiveInterval(Duration.ofHours(8));
		this.sessions.save(lifetime);
		SparingSessionRepository.SparingSession<MapSession> renamed = this.sessions.findById(id);
		renamed.changeSessionId();
		this.sessions.save(renamed);
		assertThat(this.store.saved).hasSize(3);
	}

	@Test
	void aSessionExpiresByItsLatestAccessAndLifetime() {
		String id = stored(Instant.now().minus(Duration.ofMinutes(20)));
		SparingSessionRepository.SparingSession<MapSession> session = this.sessions.findById(id);
		session.setMaxInactiveInterval(Duration.ofMinutes(15));
		assertThat(session.isExpired()).isTrue();
		session.setLastAccessedTime(Instant.now());
		assertThat(session.isExpired()).isFalse();
	}

	private String stored(Instant lastAccess) {
		MapSession session = new MapSession();
		session.setLastAccessedTime(lastAccess);
		session.setAttribute("draft", "d-0");
		this.store.sessions.put(session.getId(), new MapSession(session));
		return session.getId();
	}

	/** Sessions in memory, copied in and out as a database would, counting writes. */
	private static final class CountingRepository implements FindByIndexNameSessionRepository<MapSession> {

		private final Map<String, MapSession> sessions = new ConcurrentHashMap<>();

		private final List<String> saved = new ArrayList<>();

		@Override
		public MapSession createSession() {
			return new MapSession();
		}

		@Override
		public void save(MapSession session) {
			this.saved.add(session.getId());
			this.sessions.remove(session.getOriginalId());
			this.sessions.put(session.getId(), new MapSession(session));
		}

		@Override
		public MapSession findById(String id) {
			MapSession found = this.sessions.get(id);
			return (found != null) ? new MapSession(found) : null;
		}

		@Override
		public void deleteById(String id) {
			this.sessions.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}
