package org.transferportal.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's repository, writing a session back only when something in it changed
 * or its last access is at least {@link #GRANULARITY} old. Spring Session otherwise
 * writes the last access time of every session on every request (an update and a
 * transaction in the shared database), which was a fixed part of every click's cost
 * (README, Benchmarks). The price: a session may expire up to {@link #GRANULARITY}
 * earlier than its exact idle lifetime, which is hours for a logged-in user.
 *
 * @param <S> the delegate's session type
 */
final class SparingSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<SparingSessionRepository.SparingSession<S>> {

	/** How precisely the last access of an unchanged session is kept. */
	static final Duration GRANULARITY = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<S> delegate;

	SparingSessionRepository(FindByIndexNameSessionRepository<S> delegate) {
		this.delegate = delegate;
	}

	@Override
	public SparingSession<S> createSession() {
		return new SparingSession<>(this.delegate.createSession(), true);
	}

	@Override
	public void save(SparingSession<S> session) {
		if (session.needsSaving()) {
			session.applyAccess();
			this.delegate.save(session.delegate);
			session.saved();
		}
	}

	@Override
	public SparingSession<S> findById(String id) {
		S found = this.delegate.findById(id);
		return (found != null) ? new SparingSession<>(found, false) : null;
	}

	@Override
	public void deleteById(String id) {
		this.delegate.deleteById(id);
	}

	@Override
	public Map<String, SparingSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, SparingSession<S>> found = new LinkedHashMap<>();
		this.delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new SparingSession<>(session, false)));
		return found;
	}

	/**
	 * A session that remembers whether anything but its last access changed, and holds a
	 * new last access back from the delegate until it is worth writing.
	 *
	 * @param <S> the delegate's session type
	 */
	static final class SparingSession<S extends Session> implements Session {

		private final S delegate;

		private boolean changed;

		private Instant accessed;

		SparingSession(S delegate, boolean isNew) {
			this.delegate = delegate;
			this.changed = isNew;
		}

		boolean needsSaving() {
			return this.changed || (this.accessed != null
					&& !this.accessed.isBefore(this.delegate.getLastAccessedTime().plus(GRANULARITY)));
		}

		void applyAccess() {
			if (this.accessed != null) {
				this.delegate.setLastAccessedTime(this.accessed);
			}
		}

		void saved() {
			this.changed = false;
			this.accessed = null;
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.accessed = lastAccessedTime;
		}

		@Override
		public Instant getLastAccessedTime() {
			return (this.accessed != null) ? this.accessed : this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			Duration lifetime = getMaxInactiveInterval();
			// As Spring Session's own sessions decide it (MapSession), on the system
			// clock.
			return !lifetime.isNegative() && !Instant.now().isBefore(getLastAccessedTime().plus(lifetime));
		}

	}

}
