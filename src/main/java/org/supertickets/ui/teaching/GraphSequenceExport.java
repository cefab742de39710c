package org.supertickets.ui.teaching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.supertickets.io.AtomicFiles;
import org.supertickets.space.Architecture;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.ui.graph.GraphExport;
import org.supertickets.ui.graph.GraphViewModel;

/**
 * The graph's evolution for slides: one PNG per snapshot of the run (start, every architecture step and pruning
 * event, end), numbered in order ({@code graph-001.png} …), each with its caption, drawn on the fixed layout so
 * consecutive slides line up.
 */
public final class GraphSequenceExport {

    private GraphSequenceExport() {
    }

    /** Paints every snapshot (FX thread: painting uses a canvas). */
    public static List<byte[]> draw(Architecture supernet, List<ConnectivitySnapshot> snapshots, boolean dark) {
        GraphViewModel frames = new GraphViewModel();
        List<byte[]> pngs = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            ConnectivitySnapshot s = snapshots.get(i);
            frames.show(supernet, s, String.format(Locale.ROOT, "%d/%d · %s · epoch %.2f · step %d", i + 1,
                    snapshots.size(), s.reason(), s.epoch(), s.step()));
            pngs.add(GraphExport.png(frames.getFrame(), dark));
        }
        return pngs;
    }

    /** Writes the numbered files (any thread); returns the files written. */
    public static List<Path> write(Path folder, List<byte[]> pngs) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < pngs.size(); i++) {
            Path file = folder.resolve(fileName(i + 1));
            byte[] png = pngs.get(i);
            AtomicFiles.write(file, out -> out.write(png));
            files.add(file);
        }
        return files;
    }

    static String fileName(int number) {
        return String.format(Locale.ROOT, "graph-%03d.png", number);
    }
}
