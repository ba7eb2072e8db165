package org.transferportal.support;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The portal's classes as ArchUnit sees them, imported once per test JVM: an import takes
 * seconds, and the architecture tests would otherwise repeat it for every test method.
 */
public final class ImportedClasses {

	private static JavaClasses main;

	private static JavaClasses tests;

	private ImportedClasses() {
	}

	/** The production classes ({@code src/main}). */
	public static synchronized JavaClasses main() {
		if (main == null) {
			main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.transferportal");
		}
		return main;
	}

	/**
	 * The test classes ({@code src/test}), without the libraries they use: their names,
	 * annotations and dependencies are there, not the libraries' own classes, which would
	 * take most of the import's time.
	 */
	public static synchronized JavaClasses tests() {
		if (tests == null) {
			tests = ArchConfiguration.withThreadLocalScope((configuration) -> {
				configuration.setResolveMissingDependenciesFromClassPath(false);
				return new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
					.importPackages("org.transferportal");
			});
		}
		return tests;
	}

}
