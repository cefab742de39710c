package org.supertickets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged window's class-data-sharing archive: which archive a start uses, and a real write-then-map. */
class ClassDataSharingTest {

    private static final String RUNTIME = "/jdk|17.0.15+6";

    @TempDir
    Path dir;

    @Test
    void theFirstStartWritesTheArchiveAndLaterStartsMapIt() throws IOException {
        Path jar = Files.writeString(dir.resolve("app.jar"), "not really a jar");
        Path cache = dir.resolve("cache");

        ClassDataSharing.Plan first = ClassDataSharing.plan(jar, cache, RUNTIME).orElseThrow();
        assertTrue(first.write());
        assertTrue(first.jvmOptions().contains("-XX:ArchiveClassesAtExit=" + first.partial()),
                first.jvmOptions().toString());

        Files.writeString(first.partial(), "archive bytes");
        ClassDataSharing.settle(first, 0);
        assertTrue(Files.isRegularFile(first.archive()));
        assertFalse(Files.exists(first.partial()));

        ClassDataSharing.Plan later = ClassDataSharing.plan(jar, cache, RUNTIME).orElseThrow();
        assertEquals(first.archive(), later.archive());
        assertFalse(later.write());
        assertTrue(later.jvmOptions().contains("-XX:SharedArchiveFile=" + later.archive()));
    }

    @Test
    void aRebuiltJarOrAnotherRuntimeGetsItsOwnArchiveAndTheOldOneGoes() throws IOException {
        Path jar = Files.writeString(dir.resolve("app.jar"), "build 1");
        Path otherJar = Files.writeString(dir.resolve("other.jar"), "another app");
        Path cache = dir.resolve("cache");
        ClassDataSharing.Plan build1 = writeArchive(jar, cache);
        ClassDataSharing.Plan other = writeArchive(otherJar, cache);

        assertNotEquals(build1.archive(), ClassDataSharing.plan(jar, cache, "/jdk|21").orElseThrow().archive());

        Files.writeString(jar, "build 2, one byte longer");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        ClassDataSharing.Plan build2 = ClassDataSharing.plan(jar, cache, RUNTIME).orElseThrow();
        assertNotEquals(build1.archive(), build2.archive());
        assertTrue(build2.write());
        Files.writeString(build2.partial(), "archive of build 2");
        ClassDataSharing.settle(build2, 0);

        assertTrue(Files.isRegularFile(build2.archive()));
        assertFalse(Files.exists(build1.archive()), "the archive of the earlier build is removed");
        assertTrue(Files.isRegularFile(other.archive()), "another jar's archive is not this jar's to remove");
    }

    @Test
    void aChildThatFailedLeavesNoArchive() throws IOException {
        Path jar = Files.writeString(dir.resolve("app.jar"), "x");
        ClassDataSharing.Plan plan = ClassDataSharing.plan(jar, dir.resolve("cache"), RUNTIME).orElseThrow();
        Files.writeString(plan.partial(), "maybe half written");
        ClassDataSharing.settle(plan, 1);
        assertFalse(Files.exists(plan.archive()));
        assertFalse(Files.exists(plan.partial()));
        assertTrue(ClassDataSharing.plan(jar, dir.resolve("cache"), RUNTIME).orElseThrow().write());
    }

    @Test
    void noPlanWhereTheCacheCannotBeMade() throws IOException {
        Path jar = Files.writeString(dir.resolve("app.jar"), "x");
        Path aFile = Files.writeString(dir.resolve("a-file"), "");
        assertTrue(ClassDataSharing.plan(jar, aFile.resolve("cache"), RUNTIME).isEmpty());
    }

    @Test
    void onlyTheJavaLauncherIsStartedAgainAndOnlyWithoutArchiveOptionsOfItsOwn() {
        assertTrue(ClassDataSharing.isJavaLauncher("/usr/lib/jvm/java-17/bin/java"));
        assertTrue(ClassDataSharing.isJavaLauncher("/c/Program Files/Java/bin/javaw.exe"));
        assertFalse(ClassDataSharing.isJavaLauncher("/opt/SuperTickets Workbench/bin/SuperTickets Workbench"));
        assertTrue(ClassDataSharing.isArchiveOption("-XX:SharedArchiveFile=/x.jsa"));
        assertTrue(ClassDataSharing.isArchiveOption("-Xshare:off"));
        assertFalse(ClassDataSharing.isArchiveOption("-Xmx6g"));
    }

    /** A real JVM writes the archive at exit with the plan's options, and the next start can map it. */
    @Test
    void theWrittenArchiveIsOneTheNextJvmMaps() throws Exception {
        Path jar = helloJar();
        String runtime = System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
        Path cache = dir.resolve("cache");

        ClassDataSharing.Plan write = ClassDataSharing.plan(jar, cache, runtime).orElseThrow();
        assertTrue(write.write());
        Result first = java(write.jvmOptions(), jar);
        assertEquals(0, first.exitCode(), first.output());
        ClassDataSharing.settle(write, first.exitCode());
        assertTrue(Files.size(write.archive()) > 0, "no archive was written");

        ClassDataSharing.Plan map = ClassDataSharing.plan(jar, cache, runtime).orElseThrow();
        assertFalse(map.write());
        // -Xshare:on makes a start fail unless the archive really maps.
        Result mapped = java(List.of("-XX:SharedArchiveFile=" + map.archive(), "-Xshare:on"), jar);
        assertEquals(0, mapped.exitCode(), mapped.output());
        assertTrue(mapped.output().contains("hello from the jar"), mapped.output());
    }

    private ClassDataSharing.Plan writeArchive(Path jar, Path cache) throws IOException {
        ClassDataSharing.Plan plan = ClassDataSharing.plan(jar, cache, RUNTIME).orElseThrow();
        Files.writeString(plan.partial(), "archive of " + jar.getFileName());
        ClassDataSharing.settle(plan, 0);
        return plan;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result java(List<String> options, Path jar) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM did not end");
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A jar with one class that prints a line, compiled here so the archive holds an application class. */
    private Path helloJar() throws IOException {
        Path source = Files.writeString(dir.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { "
                        + "System.out.println(\"hello from the jar\"); } }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK");
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), source.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        Path jar = dir.resolve("hello.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(dir.resolve("Hello.class")));
            out.closeEntry();
        }
        return jar;
    }
}
