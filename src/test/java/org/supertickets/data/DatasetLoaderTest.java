package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.supertickets.data.Fixtures.idxConfig;
import static org.supertickets.data.Fixtures.idxFolder;
import static org.supertickets.data.Fixtures.idxImages;
import static org.supertickets.data.Fixtures.idxLabels;
import static org.supertickets.data.Fixtures.imageNumber;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.supertickets.space.DataConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeIdx() throws Exception {
        idxFolder(dir, 200, 60);
    }

    private static TreeSet<Integer> numbers(ImageDataset data) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int i = 0; i < data.size(); i++) {
            set.add(imageNumber(data, i));
        }
        return set;
    }

    @Test
    void holdsOutTheValidationShareOfTheTrainingSet() throws Exception {
        PreparedData data = DatasetLoader.load(idxConfig(dir, 0.25, 0, 0), 1);
        assertEquals(150, data.train().size());
        assertEquals(50, data.validation().size());
        assertEquals(60, data.test().size());
        TreeSet<Integer> train = numbers(data.train());
        TreeSet<Integer> validation = numbers(data.validation());
        assertEquals(150, train.size());
        assertFalse(train.stream().anyMatch(validation::contains), "train and validation are disjoint");
        train.addAll(validation);
        assertEquals(200, train.size(), "together they are the whole training set");
        assertEquals(Normalization.of(data.train()), data.normalization(), "statistics of the training part only");
        assertEquals("idx-validation", data.validation().name());
    }

    @Test
    void limitsTakeASeededSampleOfTrainingAndTheFirstTestImages() throws Exception {
        PreparedData data = DatasetLoader.load(idxConfig(dir, 0.2, 100, 10), 1);
        assertEquals(80, data.train().size());
        assertEquals(20, data.validation().size());
        assertEquals(IntStream.range(0, 10).boxed().toList(), numbers(data.test()).stream().toList());
        TreeSet<Integer> used = numbers(data.train());
        used.addAll(numbers(data.validation()));
        assertEquals(100, used.size());
        assertFalse(used.last() < 100, "a shuffled sample, not the first 100");
        PreparedData noLimits = DatasetLoader.load(idxConfig(dir, 0.0, 500, 500), 1);
        assertEquals(200, noLimits.train().size());
        assertEquals(0, noLimits.validation().size());
        assertEquals(60, noLimits.test().size());
    }

    @Test
    void splitsArePureFunctionsOfTheSeed() throws Exception {
        PreparedData a = DatasetLoader.load(idxConfig(dir, 0.2, 120, 0), 7);
        PreparedData b = DatasetLoader.load(idxConfig(dir, 0.2, 120, 0), 7);
        PreparedData c = DatasetLoader.load(idxConfig(dir, 0.2, 120, 0), 8);
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertArrayEquals(a.validation().labels(), b.validation().labels());
        assertFalse(numbers(a.validation()).equals(numbers(c.validation())), "another seed, another hold-out");
        assertFalse(numbers(a.train()).equals(numbers(c.train())), "another seed, another sample");
        assertArrayEquals(a.test().pixels(), c.test().pixels(), "the test set does not depend on the seed");
        PreparedData all7 = DatasetLoader.load(idxConfig(dir, 0.2, 0, 0), 7);
        PreparedData all8 = DatasetLoader.load(idxConfig(dir, 0.2, 0, 0), 8);
        assertFalse(numbers(all7.validation()).equals(numbers(all8.validation())),
                "without a limit, the seed alone moves the validation hold-out");
        assertEquals(numbers(all7.validation()), numbers(DatasetLoader.load(idxConfig(dir, 0.2, 0, 0), 7)
                .validation()));
    }

    @Test
    void theTestSplitAloneIsTheTestSplitALoadPrepares() throws Exception {
        for (int testLimit : new int[] {0, 10, 500}) {
            DataConfig config = idxConfig(dir, 0.2, 100, testLimit);
            ImageDataset whole = DatasetLoader.load(config, 3).test();
            ImageDataset alone = DatasetLoader.loadTest(config, 3);
            assertEquals(whole.size(), alone.size(), "testLimit " + testLimit);
            assertArrayEquals(whole.pixels(), alone.pixels(), "image i is the i-th the test evaluation reads");
            assertArrayEquals(whole.labels(), alone.labels());
        }
        Fixtures.assertMessage(() -> DatasetLoader.loadTest(idxConfig(dir.resolve("absent"), 0.2, 0, 0), 1),
                "absent", "data.path");
    }

    @Test
    void readsUncompressedStandardFileNamesToo() throws Exception {
        Path raw = Files.createDirectories(dir.resolve("raw"));
        Files.write(raw.resolve("train-images-idx3-ubyte"), idxImages(20, 4, 4));
        Files.write(raw.resolve("train-labels-idx1-ubyte"), idxLabels(Fixtures.cyclicLabels(20, 10)));
        Files.write(raw.resolve("t10k-images-idx3-ubyte"), idxImages(5, 4, 4));
        Files.write(raw.resolve("t10k-labels-idx1-ubyte"), idxLabels(Fixtures.cyclicLabels(5, 10)));
        PreparedData data = DatasetLoader.load(idxConfig(raw, 0.0, 0, 0), 1);
        assertEquals(20, data.train().size());
        assertEquals(5, data.test().size());
        int[] labels = data.train().labels().clone();
        Arrays.sort(labels);
        assertArrayEquals(Arrays.stream(Fixtures.cyclicLabels(20, 10)).sorted().toArray(), labels);
    }
}
