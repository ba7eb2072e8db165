package org.transferportal.deletes;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.transferportal.globus.DeleteDocument;
import org.transferportal.lab.LabProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules a delete meets before anything is kept or sent: valid names in a valid
 * folder, never a collection's root, a home folder or the lab's own folder, only where
 * the lab allows deletes; and the document Transfer then gets.
 */
class DeleteSelectionTests {

	static final String COLLECTION = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	static final String ARCHIVE = "313ce13e-b597-5858-ae13-29e46fea26e6";

	static final LabProperties LAB = new LabProperties("Lab",
			List.of(new LabProperties.LabCollection(UUID.fromString(COLLECTION), "Tutorial 2", "/projects/lab/", false,
					true),
					new LabProperties.LabCollection(UUID.fromString(ARCHIVE), "Archive", "/archive/", false, false)),
			List.of(), List.of(), false, null, true, true);

	@Test
	void aSelectionBecomesPathsInItsFolderAndAFolderMakesItRecursive() {
		DeleteSelection.Read read = DeleteSelection.read(COLLECTION, "/~/scratch", List.of("run42/", "old.log"), false,
				LAB);

		assertThat(read.problem()).isNull();
		assertThat(read.form().paths()).containsExactly("/~/scratch/run42/", "/~/scratch/old.log");
		assertThat(read.form().recursive()).isTrue();
		assertThat(read.form().confirmationPhrase()).isEqualTo("run42");
		assertThat(read.form().label()).isEqualTo("Delete 2 entries in /~/scratch/");
	}

	@Test
	void onlyFilesNeedNoTypingAndSeveralFoldersAreConfirmedByTheirNumber() {
		assertThat(DeleteSelection.read(COLLECTION, "/~/", List.of("a.txt", "b.txt"), false, LAB)
			.form()
			.confirmationPhrase()).isNull();
		assertThat(DeleteSelection.read(COLLECTION, "/~/", List.of("a/", "b/", "c.txt"), false, LAB)
			.form()
			.confirmationPhrase()).isEqualTo("delete 2 folders");
	}

	@Test
	void aPanesFolderItselfIsDeletedFromItsParent() {
		DeleteSelection.Read read = DeleteSelection.read(COLLECTION, "/~/scratch/run42/", null, true, LAB);

		assertThat(read.form().folder()).isEqualTo("/~/scratch/");
		assertThat(read.form().items()).containsExactly("run42/");
	}

	@Test
	void aCollectionsRootOrAHomeFolderIsNeverDeleted() {
		assertThat(DeleteSelection.read(COLLECTION, "/", null, true, LAB).problem())
			.contains("is the root of the collection or a home folder");
		assertThat(DeleteSelection.read(COLLECTION, "/~/", null, true, LAB).problem())
			.contains("is the root of the collection or a home folder");
		assertThat(DeleteSelection.read(COLLECTION, "/", List.of("~/"), false, LAB).problem())
			.contains("“/~/” is the root of the collection or a home folder");
	}

	@Test
	void theHomeFolderAsTheStorageSpellsItAndWhatHoldsItAreProtectedToo() {
		DeleteForm home = DeleteSelection.read(COLLECTION, "/home/", List.of("carol/"), false, LAB).form();
		DeleteForm holder = DeleteSelection.read(COLLECTION, "/", List.of("home/"), false, LAB).form();
		DeleteForm inside = DeleteSelection.read(COLLECTION, "/home/carol/", List.of("run/"), false, LAB).form();

		assertThat(DeleteSelection.protectedProblem(home, List.of("/home/carol/"))).contains("“/home/carol/”");
		assertThat(DeleteSelection.protectedProblem(holder, List.of("/home/carol"))).contains("or holds one");
		assertThat(DeleteSelection.protectedProblem(inside, List.of("/home/carol/"))).isNull();
	}

	@Test
	void theLabsOwnFolderAndACollectionTheLabKeepsAreRefused() {
		assertThat(DeleteSelection.read(COLLECTION, "/projects/", List.of("lab/"), false, LAB).problem())
			.isEqualTo("“/projects/lab/” is the lab's own folder on this collection (or holds it), so the portal does "
					+ "not delete it.");
		assertThat(DeleteSelection.read(COLLECTION, "/", List.of("projects/"), false, LAB).problem())
			.contains("(or holds it)");
		assertThat(DeleteSelection.read(COLLECTION, "/projects/lab/", null, true, LAB).problem())
			.contains("the lab's own folder");
		assertThat(DeleteSelection.read(ARCHIVE, "/archive/2020/", List.of("a.tar"), false, LAB).problem())
			.startsWith("The lab does not allow deleting anything on Archive through the portal.");
		assertThat(DeleteSelection.read(COLLECTION, "/projects/lab/", List.of("old/"), false, LAB).problem())
			.as("inside the lab's folder is fine")
			.isNull();
	}

	@Test
	void badInputIsRefusedWithTheReason() {
		assertThat(DeleteSelection.read("not-a-collection", "/~/", List.of("a"), false, LAB).problem())
			.startsWith("A collection id is a UUID");
		assertThat(DeleteSelection.read(COLLECTION, "/~/../etc/", List.of("a"), false, LAB).problem()).isNotNull();
		assertThat(DeleteSelection.read(COLLECTION, "/~/", List.of(".."), false, LAB).problem())
			.isEqualTo("“..”: A name cannot be . or ..");
		assertThat(DeleteSelection.read(COLLECTION, "/~/", List.of("a/b"), false, LAB).problem())
			.contains("A name cannot contain /");
		assertThat(DeleteSelection.read(COLLECTION, "/~/", List.of(), false, LAB).problem())
			.isEqualTo("Select at least one file or folder to delete.");
		assertThat(DeleteSelection
			.read(COLLECTION, "/~/",
					Collections.nCopies(DeleteSelection.MAX_ITEMS + 1, "x")
						.stream()
						.map((x) -> UUID.randomUUID() + "")
						.toList(),
					false, LAB)
			.problem()).contains("at most 1000 entries");
	}

	@Test
	void theDeleteDocumentNeverExpandsGlobsAndIgnoresWhatIsAlreadyGone() {
		DeleteForm form = DeleteSelection.read(COLLECTION, "/~/", List.of("*", "sub/"), false, LAB).form();

		DeleteDocument document = DeleteService.document(form, "sub-1");

		assertThat(document.interpretGlobs()).isFalse();
		assertThat(document.ignoreMissing()).isTrue();
		assertThat(document.recursive()).isTrue();
		assertThat(document.submissionId()).isEqualTo("sub-1");
		assertThat(document.endpoint()).isEqualTo(COLLECTION);
		assertThat(document.data()).extracting(DeleteDocument.Item::path).containsExactly("/~/*", "/~/sub/");
	}

}
