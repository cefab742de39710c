package org.supertickets.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the ticket measures (official conventions unless noted; see docs/metrics.md).
 *
 * @param testAccuracy       accuracy on the test set, after BN re-estimation (per pixel for segmentation)
 * @param validationAccuracy accuracy on the validation split (per pixel for segmentation)
 * @param sparsity           share of prunable weights masked
 * @param macs               dense MACs of the shrunk network
 * @param sparseMacs         official sparse MACs (dense x kept fraction)
 * @param exactSparseMacs    ours: MACs of surviving weights, layer by layer
 * @param params             dense parameters of the shrunk network
 * @param keptParams         parameters alive under the masks
 * @param supernetMacs       dense MACs of the supernet it came from
 * @param supernetParams     parameters of that supernet
 * @param testMeanIou        segmentation: test mean IoU over the classes present, background included; null for
 *                           classification (and then left out of {@code ticket.json}, which stays as it was)
 * @param testMeanIouWithoutBackground segmentation: the same over the object classes only; null for classification
 */
public record TicketMetrics(
        double testAccuracy,
        double validationAccuracy,
        double sparsity,
        long macs,
        long sparseMacs,
        long exactSparseMacs,
        long params,
        long keptParams,
        long supernetMacs,
        long supernetParams,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double testMeanIou,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double testMeanIouWithoutBackground) {

    /** The metrics of a classification ticket (no mean IoU). */
    public TicketMetrics(double testAccuracy, double validationAccuracy, double sparsity, long macs, long sparseMacs,
            long exactSparseMacs, long params, long keptParams, long supernetMacs, long supernetParams) {
        this(testAccuracy, validationAccuracy, sparsity, macs, sparseMacs, exactSparseMacs, params, keptParams,
                supernetMacs, supernetParams, null, null);
    }

    /** Whether these are a segmentation ticket's metrics (its accuracies are per pixel). */
    public boolean segmentation() {
        return testMeanIou != null;
    }
}
