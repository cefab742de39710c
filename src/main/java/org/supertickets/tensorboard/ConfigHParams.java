package org.supertickets.tensorboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.supertickets.run.RunSummary;
import org.supertickets.space.SearchSpaceConfig;

/**
 * A run's hyper-parameters as TensorBoard's hparams plugin shows them: {@code method}, {@code seed} and every
 * value of the config by path ({@link RunSummary#settingValuesOf}, the values {@code compare} tells settings
 * apart by, e.g. {@code pruning.targetSparsity}). Numbers become numbers and {@code true}/{@code false} booleans,
 * so the plugin can sort and filter them; the rest stays text. A value that is not set ({@code null}) is left
 * out: the plugin shows it as missing, and a column stays numeric across runs where some leave it unset.
 */
final class ConfigHParams {

    /** A JSON number, as Jackson writes one (no NaN, no hex, no Java suffixes). */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** Doubles hold every integer up to this exactly; a larger seed is written as text so it reads back. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private ConfigHParams() {
    }

    /** @return name → a {@link Double}, {@link Boolean} or {@link String}, {@code method} and {@code seed} first */
    static Map<String, Object> of(SearchSpaceConfig config) {
        Map<String, Object> hparams = new LinkedHashMap<>();
        hparams.put("method", RunSummary.methodOf(config));
        Long seed = config.seed();
        if (seed != null) {
            hparams.put("seed", Math.abs(seed) <= EXACT_IN_DOUBLE ? (Object) seed.doubleValue() : seed.toString());
        }
        RunSummary.settingValuesOf(config).forEach((path, text) -> {
            Object value = typed(text);
            if (value != null) {
                hparams.put(path, value);
            }
        });
        return hparams;
    }

    /** The text of a JSON value as a number, boolean or string; null for JSON's null. */
    static Object typed(String text) {
        if (text.equals("null")) {
            return null;
        } else if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        } else if (NUMBER.matcher(text).matches()) {
            return Double.valueOf(text);
        }
        return text;
    }
}
