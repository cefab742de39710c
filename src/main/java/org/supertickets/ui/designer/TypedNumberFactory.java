package org.supertickets.ui.designer;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * A spinner's value factory that keeps the number the user typed, in range or not, so the validator can flag it
 * under the field; only the arrows stay within [min, max]. JavaFX's own factories clamp a typed value silently
 * (1.5 became 1, and the clamp was a second edit).
 *
 * @param <T> Integer or Double
 */
final class TypedNumberFactory<T extends Number> extends SpinnerValueFactory<T> {

    private final BigDecimal min;
    private final BigDecimal max;
    private final BigDecimal step;
    private final Function<BigDecimal, T> fromDecimal;

    private TypedNumberFactory(double min, double max, double step, T initial, Function<BigDecimal, T> fromDecimal,
            Function<String, T> parse, Function<T, String> format) {
        this.min = BigDecimal.valueOf(min);
        this.max = BigDecimal.valueOf(max);
        this.step = BigDecimal.valueOf(step);
        this.fromDecimal = Objects.requireNonNull(fromDecimal);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : format.apply(v);
            }

            @Override
            public T fromString(String s) {
                try {
                    return parse.apply(s.trim().replace(",", "").replace("_", ""));
                } catch (NumberFormatException e) {
                    return getValue(); // not a number at all: keep the current value
                }
            }
        });
        setValue(initial);
    }

    static TypedNumberFactory<Integer> integers(int min, int max, int step, int initial) {
        return new TypedNumberFactory<>(min, max, step, initial, BigDecimal::intValue, Integer::valueOf,
                String::valueOf);
    }

    static TypedNumberFactory<Double> decimals(double min, double max, double step, double initial) {
        // Full precision: a "#.##" format would show rho 0.006 as 0.01.
        return new TypedNumberFactory<>(min, max, step, initial, BigDecimal::doubleValue, Double::valueOf,
                v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    }

    @Override
    public void increment(int steps) {
        T value = getValue();
        if (value == null || steps == 0) {
            return;
        }
        BigDecimal next = new BigDecimal(value.toString()).add(step.multiply(BigDecimal.valueOf(steps)));
        setValue(fromDecimal.apply(next.max(min).min(max)));
    }

    @Override
    public void decrement(int steps) {
        increment(-steps);
    }
}
