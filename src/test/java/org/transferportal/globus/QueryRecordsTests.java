package org.transferportal.globus;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The small records callers build: searches, listings, properties, GARE parameters.
 */
class QueryRecordsTests {

	@Test
	void collectionSearchRefusesAnUnknownScope() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CollectionSearch("x", "everything", null, null, null, null, 0, 0));
	}

	@Test
	void collectionSearchRefusesEntityTypeTogetherWithNonFunctional() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CollectionSearch("x", "all", "GCSv5_endpoint", null, null, true, 0, 0));
	}

	@Test
	void collectionSearchKeepsThePageWithinGlobusLimits() {
		CollectionSearch search = new CollectionSearch("x", null, null, null, null, null, 500, -1);

		assertThat(search.limit()).isEqualTo(100);
		assertThat(search.offset()).isZero();
		assertThat(CollectionSearch.text("x").limit()).isEqualTo(25);
	}

	@Test
	void listingOfAFolderShowsHiddenFilesInGlobusOrder() {
		ListingQuery listing = ListingQuery.of("/~/");

		assertThat(listing.showHidden()).isTrue();
		assertThat(listing.orderBy()).isNull();
		assertThat(listing.filters()).isEmpty();
		assertThat(new ListingQuery("/", true, null, null, 0, 0, null).filters()).isEmpty();
	}

	@Test
	void propertiesAddTheTransferVersionWithoutDoubleSlashes() {
		GlobusProperties withSlash = new GlobusProperties("id", "s", "https://auth.globus.org/",
				"https://transfer.api.globus.org/", "https://groups.api.globus.org/", Duration.ofSeconds(20), 3,
				Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(15), 1, DataSize.ofMegabytes(16));
		GlobusProperties without = new GlobusProperties("id", "s", "https://auth.globus.org",
				"https://transfer.api.globus.org", "https://groups.api.globus.org", Duration.ofSeconds(20), 3,
				Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(15), 1, DataSize.ofMegabytes(16));

		assertThat(withSlash.transferApiUrl()).isEqualTo("https://transfer.api.globus.org/v0.10");
		assertThat(without.transferApiUrl()).isEqualTo("https://transfer.api.globus.org/v0.10");
		assertThat(withSlash.authBaseUrl()).isEqualTo("https://auth.globus.org");
		assertThat(withSlash.groupsBaseUrl()).isEqualTo("https://groups.api.globus.org");
		assertThat(without.groupsBaseUrl()).isEqualTo("https://groups.api.globus.org");
	}

	@Test
	void authorizationParametersThatOnlyAskForScopesNeedNoNewSession() {
		AuthorizationParameters scopes = AuthorizationParameters.scopes(List.of("a"), "m");

		assertThat(scopes.requiresSession()).isFalse();
		assertThat(scopes.sessionRequiredPolicies()).isEmpty();
		assertThat(new AuthorizationParameters(null, null, null, List.of("uchicago.edu"), null, false, null)
			.requiresSession()).isTrue();
		assertThat(new AuthorizationParameters(null, null, null, null, null, false, "login").requiresSession())
			.isTrue();
		assertThat(new AuthorizationParameters(null, null, null, null, null, true, null).requiresSession()).isTrue();
	}

	@Test
	void exceptionCodesMatchByDottedPrefix() {
		GlobusApiException ex = new GlobusApiException(502, "ExternalError.DirListingFailed.LoginFailed", "m", "r",
				"/x");

		assertThat(ex.hasCode("ExternalError")).isTrue();
		assertThat(ex.hasCode("ExternalError.DirListingFailed")).isTrue();
		assertThat(ex.hasCode("ExternalError.DirListing")).isFalse();
		assertThat(new GlobusApiException(500, null, "m", null, null).code()).isEqualTo("Unknown");
	}

}
