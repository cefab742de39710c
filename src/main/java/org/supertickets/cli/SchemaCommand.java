package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.io.AtomicFiles;
import org.supertickets.space.ConfigSchema;
import org.supertickets.space.SchemaReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schema [--out FILE]}: the JSON Schema of a config, for editors and outside tools. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) of a config, for editors, or write it to FILE.",
            "It is generated from the definitions the reader and 'validate' use: every field, its type, names, range "
                + "and default. The repository keeps it at " + ConfigSchema.REPOSITORY_PATH + ", where the sample "
                + "configs point with their \"" + SchemaReference.FIELD + "\" field: editors that read that field "
                + "(VS Code, IntelliJ IDEA) complete and check a config as you type. 'validate' still has the final "
                + "word: it also checks the fields against each other."})
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "write the schema to FILE (replaced whole, never "
            + "half-written) instead of printing it")
    Path out;

    @Override
    public Integer call() {
        String schema = ConfigSchema.toJson();
        if (out == null) {
            System.out.print(schema);
            return 0;
        }
        if (Files.isDirectory(out)) {
            System.err.println(out + " is a folder. Fix: give --out a file name, e.g. "
                    + out.resolve("config.schema.json"));
            return Main.EXIT_BAD_INPUT;
        }
        try {
            AtomicFiles.writeString(out, schema);
        } catch (IOException e) {
            System.err.println(out + " cannot be written (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Fix: choose a file in a folder you can write to.");
            return Main.EXIT_BAD_INPUT;
        }
        System.out.println("wrote the config schema to " + out + "; point a config to it with \""
                + SchemaReference.FIELD + "\": \"<path of " + out.getFileName() + " from the config's folder>\"");
        return 0;
    }
}
