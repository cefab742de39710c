package org.supertickets.slurm;

import java.util.List;

/**
 * One grid point of a Slurm sweep (or the one point of a pipeline submitted to Slurm); file names are relative to
 * the sweep folder.
 *
 * @param index        its array task id (0-based)
 * @param name         the point's config name, e.g. quickstart-seed=2
 * @param config       its resolved config, e.g. 03-quickstart-seed=2.json
 * @param log          the console log of its task(s), appended by every attempt
 * @param folderRecord where its run writes the path of its run folder once created (see {@code run --record-folder})
 * @param command      the command line's arguments of its first attempt (an {@code imp} pipeline's); null for an
 *                     ordinary {@code run} of its config (and in files written before pipelines went to Slurm).
 *                     Any later attempt resumes its folder ({@code resume}, for runs and pipelines alike) or, when
 *                     none was created, repeats this.
 */
public record SweepPoint(int index, String name, String config, String log, String folderRecord,
        List<String> command) {

    public SweepPoint {
        command = command == null ? null : List.copyOf(command);
    }

    /** A point that is an ordinary run of its config. */
    public SweepPoint(int index, String name, String config, String log, String folderRecord) {
        this(index, name, config, log, folderRecord, null);
    }
}
