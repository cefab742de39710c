package org.supertickets.model;

import java.nio.file.Path;

/** A file the workbench reads is damaged or not what it claims to be; the message names it and the problem. */
public class CorruptFileException extends Exception {

    private final Path file;

    public CorruptFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
