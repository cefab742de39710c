package org.supertickets.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.NetworkState;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.train.TrainerCheckpoint;

/**
 * The networks a run folder keeps that a person can look inside: the supernet of its latest checkpoint (written
 * after every evaluation but the last, so it follows a live run) and the ticket it extracted when it completed.
 */
public final class RunNetworks {

    /**
     * A saved network.
     *
     * @param step                the training step it is from
     * @param network             the network as its run evaluates it: the moving average's copy where the run keeps
     *                            one
     * @param reestimateBatchNorm whether its BN statistics must be re-estimated before use, as the run does before
     *                            each evaluation (a checkpoint's are the training's running ones; a ticket's are
     *                            already re-estimated)
     * @param modified            the file's last-modified time in milliseconds, to tell a newer one
     */
    public record Saved(long step, NetworkState network, boolean reestimateBatchNorm, long modified) {
    }

    private RunNetworks() {
    }

    /** The last-modified time of the folder's latest checkpoint; -1 when it has none. */
    public static long checkpointModified(Path folder) throws IOException {
        Path file = RunFolder.open(folder).latestCheckpoint();
        return Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
    }

    /** The supernet of the folder's latest checkpoint; null when it has none yet. */
    public static Saved latestCheckpoint(Path folder) throws IOException, CorruptFileException {
        Path file = RunFolder.open(folder).latestCheckpoint();
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        TrainerCheckpoint checkpoint = CheckpointIo.read(file);
        NetworkState network = checkpoint.weightAverage().isEmpty() ? checkpoint.network()
                : checkpoint.network().withTensors(checkpoint.weightAverage());
        return new Saved(checkpoint.step(), network, true, modified);
    }

    /** The folder's ticket; null while the run has extracted none. */
    public static Saved ticket(Path folder) throws IOException, CorruptFileException {
        Path dir = RunFolder.open(folder).ticket();
        if (!Files.isRegularFile(dir.resolve(TicketIo.MANIFEST))) {
            return null;
        }
        Ticket ticket = TicketIo.read(dir);
        return new Saved(ticket.manifest().provenance().steps(), ticket.network(), false,
                Files.getLastModifiedTime(dir.resolve(TicketIo.WEIGHTS)).toMillis());
    }
}
