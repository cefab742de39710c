package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.supertickets.data.Fixtures.assertMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetLocatorTest {

    @TempDir
    Path dir;

    @Test
    void thePropertyWinsOverTheEnvironmentVariableWhichWinsOverTheSearch() throws Exception {
        Path property = Files.createDirectories(dir.resolve("p"));
        Path env = Files.createDirectories(dir.resolve("e"));
        Files.createDirectories(dir.resolve("assets/fashion-mnist"));
        assertEquals(property, AssetLocator.find(property.toString(), env.toString(), dir));
        assertEquals(env, AssetLocator.find(null, env.toString(), dir));
        assertEquals(env, AssetLocator.find(" ", env.toString(), dir));
        assertEquals(dir.resolve("assets"), AssetLocator.find(null, null, dir));
    }

    @Test
    void searchesTheWorkingFolderAndThreeParents() throws Exception {
        Files.createDirectories(dir.resolve("assets/mnist"));
        Path three = Files.createDirectories(dir.resolve("a/b/c"));
        assertEquals(dir.resolve("assets"), AssetLocator.find(null, null, three));
        assertMessage(() -> AssetLocator.find(null, null, three.resolve("d")), "assets", "SUPERTICKETS_ASSETS");
    }

    /** Issue 14: the packaged app started from anywhere finds the datasets it carries beside its jar. */
    @Test
    void thenBesideTheProgram() throws Exception {
        Path image = Files.createDirectories(dir.resolve("image/lib/app"));
        Files.createDirectories(image.resolve("assets/fashion-mnist"));
        Path elsewhere = Files.createDirectories(dir.resolve("home/user"));
        assertEquals(image.resolve("assets"), AssetLocator.find(null, null, elsewhere, image));
        Path repoTarget = Files.createDirectories(dir.resolve("repo/target"));
        Files.createDirectories(dir.resolve("repo/assets/fashion-mnist"));
        assertEquals(dir.resolve("repo/assets"), AssetLocator.find(null, null, elsewhere, repoTarget));
        Files.createDirectories(elsewhere.resolve("assets/mnist"));
        assertEquals(elsewhere.resolve("assets"), AssetLocator.find(null, null, elsewhere, image),
                "the working folder comes first");
        assertMessage(() -> AssetLocator.find(null, null, dir.resolve("image"), dir.resolve("none")), "assets",
                "SUPERTICKETS_ASSETS");
    }

    @Test
    void anAssetsFolderWithoutDatasetsDoesNotCount() throws Exception {
        Files.createDirectories(dir.resolve("assets/icons"));
        assertMessage(() -> AssetLocator.find(null, null, dir), "no assets/ folder", "SUPERTICKETS_ASSETS");
    }

    @Test
    void aConfiguredFolderThatDoesNotExistIsNamed() {
        Path missing = dir.resolve("nowhere");
        assertMessage(() -> AssetLocator.find(missing.toString(), null, dir), missing.toString(),
                "supertickets.assets", "not a folder");
        assertMessage(() -> AssetLocator.find(null, missing.toString(), dir), missing.toString(),
                "SUPERTICKETS_ASSETS");
    }
}
