package org.supertickets.run;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line that starts a class's {@code main} in a new JVM with this JVM's java and classpath. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * The workbench's command line ({@code org.supertickets.cli.Main}). Named, not imported: the core may not depend
     * on the command line, yet the window starts sweeps as command-line processes, as {@code sweep} does.
     */
    public static final String COMMAND_LINE_MAIN = "org.supertickets.cli.Main";

    /** {@code java -cp <this classpath> <mainClass> <args...>}. */
    public static List<String> command(Class<?> mainClass, List<String> args) {
        return command(mainClass.getName(), classpath(mainClass), args);
    }

    /**
     * {@code java -cp <this classpath> org.supertickets.cli.Main <args...>}: the workbench's command line in a new
     * JVM (it is on the same classpath as this class).
     */
    public static List<String> commandLine(List<String> args) {
        return command(COMMAND_LINE_MAIN, classpath(ChildJvm.class), args);
    }

    private static List<String> command(String mainClass, String classpath, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * The classpath {@code mainClass} was loaded from. Under {@code mvn exec:java} the project's classes and
     * dependencies sit in a URL class loader and {@code java.class.path} names only Maven's launcher, so the
     * loaders' URLs come first; a plain {@code java -cp} has no URL loader and its {@code java.class.path} is
     * the answer.
     */
    static String classpath(Class<?> mainClass) {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = mainClass.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(toPath(url));
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.getPath();
        }
    }
}
