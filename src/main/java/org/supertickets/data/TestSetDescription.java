package org.supertickets.data;

import java.util.List;

/**
 * Which images a run's test metrics were measured on, as fields a program can use (the prose of
 * {@link DatasetDescription#testSplit()} says the same in words): where they are read from, in which order, how many.
 * The test images are always the first {@code images} of the order {@code selection} names.
 *
 * @param dataset        {@code data.dataset} of the run
 * @param folder         the folder read: {@code assets/<dataset>} (the workbench's embedded data, also the source of
 *                       canvases) or {@code data.path} (for CIFAR-10 the folder that holds {@code test_batch.bin},
 *                       for a folder with {@code test/} that sub-folder); null when {@code data.path} is not set
 * @param files          the files read in {@code folder}, in order (IDX: images, then labels, each also read as
 *                       {@code <name>.gz}); null for folders of images, read class by class
 * @param selection      how the test images are ordered before the first {@code images} are taken
 * @param limit          {@code data.testLimit}: at most this many (0 = all)
 * @param images         how many the test metrics were measured on; null where unknown (the config alone does not
 *                       say how many images a file holds)
 * @param heldOutPercent share of the images held out as the test set, when {@code selection} is {@code HELD_OUT}
 * @param heldOutSeed    seed of that hold-out's shuffle (the workbench's {@code Seeds.permutation}), the same for
 *                       every run; null unless {@code HELD_OUT}
 */
public record TestSetDescription(String dataset, String folder, List<String> files, Selection selection, int limit,
        Integer images, Integer heldOutPercent, Long heldOutSeed) {

    /** How the test images are ordered; the first {@code images} of that order are the test set. */
    public enum Selection {
        /** The test file(s) in file order. */
        FILE_ORDER,
        /**
         * The images of {@code folder} (a {@code test/} folder) in sorted order: class sub-folders sorted, files sorted
         * in each (a mask folder: {@code images/} sorted by file name).
         */
        TEST_FOLDER,
        /**
         * {@code heldOutPercent}% of all images of {@code folder} in that sorted order, at least one, drawn by a
         * shuffle with {@code heldOutSeed}; none of them is trained on.
         */
        HELD_OUT,
        /** Canvases 0, 1, 2, ... composed from the source's test images only (see the ticket's {@code canvas}). */
        CANVASES
    }

    public TestSetDescription {
        files = files == null ? null : List.copyOf(files);
    }

    /** The same description with the number of test images measured on. */
    public TestSetDescription withImages(int count) {
        return new TestSetDescription(dataset, folder, files, selection, limit, count, heldOutPercent, heldOutSeed);
    }
}
