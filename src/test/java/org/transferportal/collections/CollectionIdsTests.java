package org.transferportal.collections;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "6c54cade-bde5-45c1-bdea-f4bd71dba2cc", "6C54CADE-BDE5-45C1-BDEA-F4BD71DBA2CC" })
	void canonicalUuidsAreCollectionIds(String text) {
		assertThat(CollectionIds.parse(text)).isEqualTo(UUID.fromString(text));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(
			strings = { "1-2-3-4-5", "6c54cade-bde5-45c1-bdea-f4bd71dba2c", " 6c54cade-bde5-45c1-bdea-f4bd71dba2cc",
					"6c54cade-bde5-45c1-bdea-f4bd71dba2cg", "6c54cadebde545c1bdeaf4bd71dba2cc", "../../etc/passwd" })
	void anythingElseIsNot(String text) {
		assertThat(CollectionIds.parse(text)).isNull();
	}

}
