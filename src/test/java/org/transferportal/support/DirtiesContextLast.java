package org.transferportal.support;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs the test classes that close their application context after them
 * ({@code @DirtiesContext}) after all the others, which keep their discovery order: the
 * others then share the cached contexts before any is closed, and fewer start again.
 */
public class DirtiesContextLast implements ClassOrderer {

	@Override
	public void orderClasses(ClassOrdererContext context) {
		context.getClassDescriptors()
			.sort(Comparator.comparing((descriptor) -> descriptor.isAnnotated(DirtiesContext.class)));
	}

}
