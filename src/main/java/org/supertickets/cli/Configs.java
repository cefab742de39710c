package org.supertickets.cli;

import java.nio.file.Path;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigValidator;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.ValidationIssue;

/** Loads a config for a command, applying command-line overrides and validating the result. */
final class Configs {

    private Configs() {
    }

    static SearchSpaceConfig load(Path file, Long seed, Integer epochs) throws ConfigException {
        SearchSpaceConfig config = ConfigIo.loadResolved(file);
        if (seed != null) {
            config = config.withSeed(seed);
        }
        if (epochs != null) {
            config = config.withTraining(config.training().withEpochs(epochs));
        }
        var issues = ConfigValidator.validate(config);
        if (!issues.isEmpty()) {
            throw new ConfigException(file, issues.stream()
                    .map(i -> new ValidationIssue(i.path() + " (after command-line overrides)", i.message(), i.fix()))
                    .toList());
        }
        return config;
    }
}
