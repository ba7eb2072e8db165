package org.transferportal.globus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.globus.GlobusFixtures.body;

/**
 * Which collections need a data_access scope, read from canned endpoint documents.
 */
class CollectionTests {

	private final tools.jackson.databind.json.JsonMapper json = GlobusClients.globusJson();

	private Collection read(String name) {
		return this.json.readValue(body(name), Collection.class);
	}

	@Test
	void mappedCollectionThatIsNotHighAssuranceNeedsDataAccess() {
		assertThat(read("transfer/endpoint_mapped.json").requiresDataAccessScope()).isTrue();
	}

	@Test
	void highAssuranceMappedCollectionDoesNotNeedDataAccess() {
		Collection collection = read("transfer/endpoint_high_assurance.json");

		assertThat(collection.requiresDataAccessScope()).isFalse();
		assertThat(collection.authenticationAssuranceTimeout()).isEqualTo(30);
		assertThat(collection.mfaRequired()).isTrue();
	}

	@Test
	void guestCollectionDoesNotNeedDataAccess() {
		assertThat(read("transfer/endpoint_guest.json").requiresDataAccessScope()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "GCSv5_mapped_collection, false, true", "GCSv5_mapped_collection, true, false",
					"GCSv5_guest_collection, false, false", "GCSv5_endpoint, false, false",
					"GCP_mapped_collection, false, false", "GCP_guest_collection, false, false",
					"GCSv4_host, false, false", "GCSv4_share, false, false", "null, false, false" })
	void onlyMappedNonHighAssuranceCollectionsNeedDataAccess(String entityType, boolean highAssurance,
			boolean expected) {
		Collection collection = new Collection("id", "name", entityType, highAssurance, false, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null);

		assertThat(collection.requiresDataAccessScope()).isEqualTo(expected);
	}

	@Test
	void nonFunctionalEndpointIsNotBrowsable() {
		Collection endpoint = new Collection("id", null, "GCSv5_endpoint", false, true, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);

		assertThat(endpoint.browsable()).isFalse();
		assertThat(endpoint.name()).isEqualTo("id");
	}

}
