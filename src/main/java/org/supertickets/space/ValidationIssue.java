package org.supertickets.space;

/**
 * One problem with a config.
 *
 * @param path    JSON path of the offending field, e.g. {@code stages[1].kernelSizes[0]}
 * @param message what is wrong, with the actual value
 * @param fix     what to do about it
 */
public record ValidationIssue(String path, String message, String fix) {

    @Override
    public String toString() {
        return path + ": " + message + ". Fix: " + fix;
    }
}
