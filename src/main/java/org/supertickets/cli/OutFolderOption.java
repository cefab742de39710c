package org.supertickets.cli;

import java.nio.file.Path;
import org.supertickets.io.OutputFolder;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an {@code --out DIR} and refuses, while the command line is parsed (so nothing is written, exit code 2),
 * one that cannot be a folder, saying why: a file, a symbolic link loop, a link to something missing.
 */
final class OutFolderOption implements ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        Path dir = Path.of(value);
        OutputFolder.problem(dir).ifPresent(problem -> {
            throw new TypeConversionException(problem + ". Fix: give --out a folder, or a path that does not exist "
                    + "yet (it is created).");
        });
        return dir;
    }
}
