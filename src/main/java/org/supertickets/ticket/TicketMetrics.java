package org.supertickets.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the ticket measures (official conventions unless noted; see docs/metrics.md).
 *
 * @param testAccuracy       accuracy on the test set, after BN re-estimation (per pixel for segmentation)
 * @param validationAccuracy accuracy on the validation split
 * @param sparsity           share of prunable weights masked
 * @param macs               dense MACs of the shrunk network
 * @param sparseMacs         official sparse MACs (dense x kept fraction)
 * @param exactSparseMacs    ours: MACs of surviving weights, layer by layer
 * @param params             dense parameters of the shrunk network
 * @param keptParams         parameters alive under the masks
 * @param supernetMacs       dense MACs of the supernet it came from
 * @param supernetParams     parameters of that supernet
 * @param testMeanIou        segmentation: mean IoU on the test set, as the run reported it (background included,
 *                           classes absent from truth and prediction skipped); null for classification, and in
 *                           segmentation tickets written before it was recorded
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
        @JsonInclude(JsonInclude.Include.NON_NULL) Double testMeanIou) {
}
