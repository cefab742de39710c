package org.supertickets.tools;

import java.io.IOException;
import java.nio.file.Path;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.ticket.TicketIo;

/** The network a measuring tool's argument names: a config's freshly initialised supernet, or a ticket's network. */
final class NetworkArgument {

    private NetworkArgument() {
    }

    /** {@code CONFIG.json} (its supernet, initialised with seed 1) or {@code TICKET_FOLDER}. */
    static NetworkState read(String argument)
            throws IOException, CorruptFileException, ConfigException {
        if (argument.endsWith(".json")) {
            return NetworkInitializer.initialize(supernet(argument), 1);
        }
        return TicketIo.read(Path.of(argument)).network();
    }

    /** The supernet of the config file {@code config}. */
    static Architecture supernet(String config) throws IOException, ConfigException {
        return Architecture.supernet(ConfigIo.read(Path.of(config)));
    }
}
