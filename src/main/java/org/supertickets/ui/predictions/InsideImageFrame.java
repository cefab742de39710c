package org.supertickets.ui.predictions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.supertickets.model.ActivationTap;
import org.supertickets.train.LayerActivation;
import org.supertickets.train.NetworkPass;

/**
 * What the "One image" view draws: a test image, each network's class probabilities for it, and one network's
 * feature maps layer by layer (the strongest maps of each, on one colour scale per layer, as CNN Explainer scales
 * them). Immutable; built by {@link InsideImageViewModel}.
 *
 * @param index     the image's index in the test split
 * @param testSize  images in the test split
 * @param trueClass the image's class
 * @param image     the image, ARGB
 * @param width     its width
 * @param height    its height
 * @param classes   class names, by index
 * @param supernet  the latest checkpoint's probabilities; null while the run has none
 * @param ticket    the ticket's; null while the run has extracted none
 * @param mapsOf    whose feature maps {@code rows} are, e.g. {@code the ticket (step 252)}
 * @param rows      its layers from input to head
 */
public record InsideImageFrame(int index, int testSize, String trueClass, int[] image, int width, int height,
        List<String> classes, Probabilities supernet, Probabilities ticket, String mapsOf, List<MapRow> rows) {

    /** Maps shown per layer at most: the strongest (by mean response; by mean magnitude for a block's output). */
    public static final int MAPS_PER_LAYER = 12;

    /**
     * One network's class probabilities.
     *
     * @param caption   e.g. {@code Supernet · step 231 (latest checkpoint)}
     * @param values    one per class
     * @param predicted the most probable class
     */
    public record Probabilities(String caption, float[] values, int predicted) {
    }

    /**
     * One layer's feature maps.
     *
     * @param title  e.g. {@code block 2 · 5×5 branch}
     * @param detail e.g. {@code 48 maps of 7×7; the 12 strongest}
     * @param change how the other network differs here, e.g. {@code the ticket keeps 12 of 48 maps; they differ by
     *               31 %}; empty with one network
     * @param signed whether values can be negative (a block's output: no ReLU after its sum)
     * @param scale  the largest magnitude in the layer: every map of the row is coloured on this one scale
     * @param maps   strongest first
     */
    public record MapRow(String title, String detail, String change, boolean signed, float scale,
            List<FeatureMap> maps) {
    }

    /**
     * One channel's map.
     *
     * @param channel the supernet's index of the channel
     * @param width   map width
     * @param height  map height
     * @param values  row-major
     * @param mean    its mean value
     */
    public record FeatureMap(int channel, int width, int height, float[] values, double mean) {
    }

    /** The frame for {@code look}, with the feature maps of the ticket when {@code ofTicket} and it exists. */
    static InsideImageFrame of(InsideImageSource.Look look, List<String> classes, boolean ofTicket) {
        NetworkPass shown = ofTicket && look.ticket() != null ? look.ticket() : look.supernet();
        if (shown == null) {
            shown = look.ticket();
        }
        NetworkPass other = shown == look.ticket() ? look.supernet() : look.ticket();
        List<MapRow> rows = new ArrayList<>();
        if (shown != null) {
            for (LayerActivation layer : shown.layers()) {
                rows.add(row(layer, other, shown == look.ticket()));
            }
        }
        return new InsideImageFrame(look.index(), look.testSize(), name(classes, look.label()), look.argb(),
                look.width(), look.height(), classes, probabilities(look.supernet()), probabilities(look.ticket()),
                shown == null ? "" : describe(shown), rows);
    }

    private static String name(List<String> classes, int c) {
        return c >= 0 && c < classes.size() ? classes.get(c) : String.valueOf(c);
    }

    private static Probabilities probabilities(NetworkPass pass) {
        return pass == null ? null
                : new Probabilities(caption(pass), pass.probabilities(), pass.predicted());
    }

    /** {@code Supernet · step 231 (latest checkpoint)} or {@code Ticket · step 252}. */
    static String caption(NetworkPass pass) {
        return "ticket".equals(pass.network()) ? "Ticket · step " + pass.step()
                : "Supernet · step " + pass.step() + " (latest checkpoint)";
    }

    private static String describe(NetworkPass pass) {
        return ("ticket".equals(pass.network()) ? "the ticket" : "the supernet") + " (step " + pass.step() + ")";
    }

    private static MapRow row(LayerActivation layer, NetworkPass other, boolean shownIsTicket) {
        boolean signed = layer.point() == ActivationTap.Point.BLOCK;
        int area = layer.height() * layer.width();
        float[] values = layer.values();
        float scale = 0;
        for (float v : values) {
            scale = Math.max(scale, Math.abs(v));
        }
        int[] channels = layer.channels();
        List<FeatureMap> maps = new ArrayList<>();
        for (int m = 0; m < layer.mapCount(); m++) {
            float[] map = new float[area];
            System.arraycopy(values, m * area, map, 0, area);
            maps.add(new FeatureMap(channels[m], layer.width(), layer.height(), map, layer.mean(m)));
        }
        maps.sort(Comparator.comparingDouble((FeatureMap f) -> signed ? -meanMagnitude(f) : -f.mean())
                .thenComparingInt(FeatureMap::channel));
        int shown = Math.min(MAPS_PER_LAYER, maps.size());
        String detail = String.format(Locale.ROOT, "%d map%s of %d×%d%s", maps.size(), maps.size() == 1 ? "" : "s",
                layer.height(), layer.width(), shown < maps.size() ? "; the " + shown + " strongest" : "");
        return new MapRow(layer.title(), detail, change(layer, other, shownIsTicket), signed, scale,
                maps.subList(0, shown));
    }

    private static double meanMagnitude(FeatureMap f) {
        double sum = 0;
        for (float v : f.values()) {
            sum += Math.abs(v);
        }
        return sum / f.values().length;
    }

    /** How the other network differs at this layer, said from the supernet's side. */
    static String change(LayerActivation layer, NetworkPass other, boolean shownIsTicket) {
        if (other == null) {
            return "";
        }
        LayerActivation there = other.at(layer);
        if (there == null) {
            return shownIsTicket ? "not in the supernet's latest checkpoint" : "gone in the ticket";
        }
        LayerActivation supernet = shownIsTicket ? there : layer;
        LayerActivation ticket = shownIsTicket ? layer : there;
        double change = NetworkPass.relativeChange(supernet, ticket);
        String kept = supernet.mapCount() == ticket.mapCount() ? ""
                : "the ticket keeps " + ticket.mapCount() + " of " + supernet.mapCount() + " maps; ";
        return Double.isNaN(change) ? kept + "the supernet's maps are all zero here"
                : String.format(Locale.ROOT, "%sthe ticket's maps differ from the supernet's by %.0f %%", kept,
                        100 * change);
    }
}
