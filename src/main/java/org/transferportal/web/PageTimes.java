package org.transferportal.web;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import org.transferportal.support.Times;

/**
 * The time formatter templates reach as {@code @times}: every page writes times through
 * it (see the {@code fragments/show} fragments), in the portal's time zone.
 */
@Component("times")
public class PageTimes {

	private final Times times;

	PageTimes(PortalProperties portal, ObjectProvider<Clock> clock) {
		this.times = new Times(portal.timeZone(), clock.getIfAvailable(Clock::systemUTC));
	}

	public String text(Object time) {
		return this.times.text(time);
	}

	public String utc(Object time) {
		return this.times.utc(time);
	}

	public String iso(Object time) {
		return this.times.iso(time);
	}

	public String ago(Object time) {
		return this.times.ago(time);
	}

	/** Whether the pages' zone is UTC (then a UTC tooltip would repeat the text). */
	public boolean utcZone() {
		return this.times.zone().normalized().equals(java.time.ZoneOffset.UTC);
	}

}
