package org.supertickets.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.io.AtomicFiles;
import org.supertickets.model.CorruptFileException;

/** Reads and atomically writes {@code pipeline.json}. */
public final class PipelineIo {

    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PipelineIo() {
    }

    /** True when {@code folder} is a pipeline folder. */
    public static boolean isPipeline(Path folder) {
        return Files.isRegularFile(folder.resolve(PipelineManifest.FILE));
    }

    public static void write(Path folder, PipelineManifest manifest) throws IOException {
        AtomicFiles.writeString(folder.resolve(PipelineManifest.FILE), JSON.writeValueAsString(manifest));
    }

    public static PipelineManifest read(Path folder) throws IOException, CorruptFileException {
        Path file = folder.resolve(PipelineManifest.FILE);
        if (!Files.isRegularFile(file)) {
            throw new CorruptFileException(file, "does not exist: a pipeline folder holds " + PipelineManifest.FILE);
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new CorruptFileException(file, "is larger than 4 MB; not a pipeline manifest");
        }
        PipelineManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), PipelineManifest.class);
        } catch (JsonProcessingException e) {
            throw new CorruptFileException(file, "is not a valid pipeline manifest: " + e.getOriginalMessage());
        }
        if (manifest == null || manifest.stages() == null || manifest.settings() == null) {
            throw new CorruptFileException(file, "lacks its stages or settings");
        }
        return manifest;
    }

    /**
     * The final ticket of a completed pipeline.
     *
     * @throws CorruptFileException when {@code pipeline.json} is damaged or names no ticket yet (the pipeline has
     *                              not finished; the message says to resume it)
     */
    public static Path finalTicket(Path pipeline) throws IOException, CorruptFileException {
        PipelineManifest manifest = read(pipeline);
        if (manifest.ticket() == null) {
            throw new CorruptFileException(pipeline.resolve(PipelineManifest.FILE), "names no ticket: the pipeline "
                    + "has not finished. Resume it (Runs → Resume from checkpoint), then open its ticket.");
        }
        return pipeline.resolve(manifest.ticket());
    }
}
