package org.supertickets.train;

import ai.djl.Device;

/** Picks the device for a run from what the user asked for and how many GPUs the engine sees. */
public final class DeviceChoice {

    private DeviceChoice() {
    }

    /**
     * @param requested {@code auto}, {@code cpu} or {@code gpu}
     * @param gpuCount  GPUs the engine sees
     * @throws IllegalArgumentException when a GPU is required but none is visible (message says the fix)
     */
    public static Device choose(String requested, int gpuCount) {
        switch (requested) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpuCount < 1) {
                    throw new IllegalArgumentException("device 'gpu' was requested but the engine sees no GPU. Fix: "
                            + "build with the GPU natives (mvn -Pgpu ..., see README 'GPU') on a machine with an "
                            + "NVIDIA driver, or use --device cpu / \"device\": \"auto\".");
                }
                return Device.gpu(0);
            case "auto":
                return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
            default:
                throw new IllegalArgumentException("unknown device '" + requested + "'. Fix: use auto, cpu or gpu.");
        }
    }
}
