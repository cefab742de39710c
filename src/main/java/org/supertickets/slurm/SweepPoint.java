package org.supertickets.slurm;

/**
 * One grid point of a Slurm sweep; file names are relative to the sweep folder.
 *
 * @param index        its array task id (0-based)
 * @param name         the point's config name, e.g. quickstart-seed=2
 * @param config       its resolved config, e.g. 03-quickstart-seed=2.json
 * @param log          the console log of its task(s), appended by every attempt
 * @param folderRecord where its run writes the path of its run folder once created (see {@code run --record-folder})
 */
public record SweepPoint(int index, String name, String config, String log, String folderRecord) {
}
