package org.supertickets.ui.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.ticket.VersionOneTicket;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;

/** The inspector's *Export ONNX…*: the open ticket is written in the background and the user told where. */
class TicketExportTest {

    @TempDir
    Path tmp;

    @Test
    void exportWritesTheOpenTicketAndSaysWhere() throws Exception {
        RecordingNotifier notifier = new RecordingNotifier();
        TicketViewModel vm = new TicketViewModel(DirectRunner.create(), notifier);
        assertThrows(IllegalStateException.class, () -> vm.exportOnnx(tmp.resolve("none.onnx")));
        vm.open(VersionOneTicket.copyTo(tmp.resolve("ticket")));
        Path file = tmp.resolve("out/ticket.onnx");
        vm.exportOnnx(file);
        assertEquals(0, notifier.errors.size(), notifier.errors.toString());
        assertTrue(Files.size(file) > 0);
        assertTrue(notifier.infos.get(0).contains(file.toString()), notifier.infos.toString());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void anUnwritableTargetIsReportedNotThrown() throws Exception {
        RecordingNotifier notifier = new RecordingNotifier();
        TicketViewModel vm = new TicketViewModel(DirectRunner.create(), notifier);
        vm.open(VersionOneTicket.copyTo(tmp.resolve("ticket")));
        Path blocker = Files.writeString(tmp.resolve("a-file"), "x");
        vm.exportOnnx(blocker.resolve("t.onnx"));
        assertEquals(1, notifier.errors.size());
        assertTrue(notifier.errors.get(0).contains("t.onnx"), notifier.errors.get(0));
    }
}
