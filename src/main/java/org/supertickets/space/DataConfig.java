package org.supertickets.space;

/**
 * Where the images come from and what shape they have.
 *
 * @param dataset            {@code fashion-mnist}, {@code mnist} (both embedded), {@code idx} (IDX files in
 *                           {@code path}), {@code cifar10} (binary version in {@code path}) or
 *                           {@code image-folder} (one sub-folder per class in {@code path})
 * @param path               folder on disk; {@code null} for the embedded datasets
 * @param channels           input channels (1 grey, 3 colour)
 * @param height             input height in pixels
 * @param width              input width in pixels
 * @param classes            number of classes
 * @param validationFraction share of the training set held out for validation (0..0.5)
 * @param trainLimit         use only the first N training images (after a seeded shuffle); 0 = all
 * @param testLimit          use only the first N test images; 0 = all
 * @param augment            random crop (pad 2 for 28 px, 4 for 32 px) and, for colour data, horizontal flip
 */
public record DataConfig(
        String dataset,
        String path,
        Integer channels,
        Integer height,
        Integer width,
        Integer classes,
        Double validationFraction,
        Integer trainLimit,
        Integer testLimit,
        Boolean augment) {
}
