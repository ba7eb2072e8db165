package org.transferportal.presets;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;

import org.transferportal.transfer.TransferForm;

/**
 * Two presets on the simulator's collections, so that a demo visitor who is not the admin
 * can try one: one that needs no consent, one that goes through the round trip.
 */
@Component
@ConditionalOnBooleanProperty("portal.demo")
class DemoPresets implements ApplicationRunner {

	private static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	private static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	private static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	private static final String ARCHIVE = "313ce13e-b597-5858-ae13-29e46fea26e6";

	private final PresetStore store;

	DemoPresets(PresetStore store) {
		this.store = store;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.store.all().isEmpty()) {
			return;
		}
		seed("Tutorial files to my folder",
				"Copies the tutorial files from Collection 1 to your home folder on Collection 2.",
				form(TUTORIAL_1, "/share/godata/", TUTORIAL_2, "/~/tutorial-copy/", "", false));
		seed("Archive project alpha",
				"Copies project alpha from Lab Data to the Archive, only files whose checksums differ, keeping "
						+ "modification times. Both are mapped collections: Globus asks you to allow access once.",
				form(LAB_DATA, "/projects/alpha/", ARCHIVE, "/archive/2024/alpha/", "3", true));
	}

	private void seed(String name, String description, TransferForm form) {
		try {
			this.store.create(name, description, form, "alice@globusid.org");
		}
		catch (DuplicateKeyException ex) {
			// Another start got there first.
		}
	}

	private static TransferForm form(String source, String sourcePath, String destination, String destinationPath,
			String syncLevel, boolean preserveTimestamp) {
		LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("source_collection", source);
		fields.add("source_path", sourcePath);
		fields.add("destination_collection", destination);
		fields.add("destination_path", destinationPath);
		fields.add("sync_level", syncLevel);
		fields.add("preserve_timestamp", String.valueOf(preserveTimestamp));
		return TransferForm.from(fields);
	}

}
