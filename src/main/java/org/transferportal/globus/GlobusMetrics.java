package org.transferportal.globus;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the {@value #REQUESTS} timers bounded: each client method names its own
 * operation, and this cap stops a name that slips through (an unnamed call's URL) from
 * growing the registry without end. Spring Boot applies the filter to every meter
 * registry.
 */
@Configuration(proxyBeanMethods = false)
class GlobusMetrics {

	private static final Log logger = LogFactory.getLog(GlobusMetrics.class);

	/** The timer every call to Globus is recorded in. */
	static final String REQUESTS = "globus.requests";

	/**
	 * Distinct operation names kept; the clients name about thirty, so reaching this
	 * means names are being made from something else.
	 */
	static final int MAX_OPERATIONS = 100;

	/** Distinct outcomes kept: HTTP statuses and {@code unreachable}. */
	static final int MAX_OUTCOMES = 50;

	@Bean
	MeterFilter globusOperationCap() {
		return cap("operation", MAX_OPERATIONS);
	}

	@Bean
	MeterFilter globusOutcomeCap() {
		return cap("outcome", MAX_OUTCOMES);
	}

	/**
	 * A filter that keeps at most {@code max} values of one tag of {@value #REQUESTS} and
	 * drops (with one warning) the timers of any further value.
	 */
	static MeterFilter cap(String tag, int max) {
		AtomicBoolean warned = new AtomicBoolean();
		MeterFilter drop = new MeterFilter() {
			@Override
			public MeterFilterReply accept(Meter.Id id) {
				if (warned.compareAndSet(false, true)) {
					logger.warn(REQUESTS + " reached " + max + " values of its " + tag
							+ " tag; calls under further values are not measured");
				}
				return MeterFilterReply.DENY;
			}
		};
		return MeterFilter.maximumAllowableTags(REQUESTS, tag, max, drop);
	}

}
