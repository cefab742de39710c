package org.supertickets.app;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The main class of the packaged app ({@code java -jar supertickets-workbench.jar}): the workbench window by
 * default, the command line when the first argument is {@code cli} ({@code java -jar … cli run CONFIG}).
 * {@code --help} and {@code --version} have no meaning for a window, so they go to the command line too.
 *
 * <p>It names the window's and the command line's main classes only in the branch that runs them, so the
 * command line never loads a JavaFX class and works on a server without JavaFX's native libraries or a display.
 * The window starts in a child JVM that maps a class-data-sharing archive of the jar ({@link ClassDataSharing}).
 */
public final class WorkbenchMain {

    /** The first argument that selects the command line. */
    public static final String CLI = "cli";

    private static final Set<String> CLI_FLAGS = Set.of("--help", "-h", "--version", "-V");

    private WorkbenchMain() {
    }

    public static void main(String[] args) {
        Route route = Route.of(args);
        String[] rest = route.args().toArray(String[]::new);
        if (route.commandLine()) {
            org.supertickets.cli.Main.main(rest);
        } else {
            Optional<Integer> childExit = ClassDataSharing.runWindowInChild(WorkbenchMain.class.getName(),
                    route.args());
            if (childExit.isPresent()) {
                System.exit(childExit.get());
            }
            org.supertickets.ui.Launcher.main(rest);
        }
    }

    /**
     * Where a command line goes: the command line (with {@code cli} taken off) or the window.
     *
     * @param commandLine true for the headless command line, false for the window
     * @param args the arguments handed on
     */
    public record Route(boolean commandLine, List<String> args) {

        public Route {
            args = List.copyOf(args);
        }

        /** Reads the jar's arguments. */
        public static Route of(String... args) {
            List<String> all = Arrays.asList(args);
            if (!all.isEmpty() && CLI.equals(all.get(0))) {
                return new Route(true, all.subList(1, all.size()));
            }
            if (all.size() == 1 && CLI_FLAGS.contains(all.get(0))) {
                return new Route(true, all);
            }
            return new Route(false, all);
        }
    }
}
