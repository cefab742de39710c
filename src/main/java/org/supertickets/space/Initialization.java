package org.supertickets.space;

/** How the initial weights are drawn ({@code network.initialization}); BN starts at scale 1, shift 0 under both. */
public enum Initialization {
    /**
     * Ours (torchvision's MobileNetV2): convs N(0, 2 / fan-out) with fan-out = {@code C_out / groups * k * k};
     * classifier N(0, 0.01).
     */
    MOBILENET_V2("mobilenetv2"),
    /**
     * The official {@code reset_param_method: mnas}: convs N(0, 2 / fan-out) with fan-out = {@code k * k} when the
     * conv's groups equal its input channels and {@code C_out * k * k} otherwise; classifier U(-1/sqrt(classes),
     * 1/sqrt(classes)).
     */
    MNAS("mnas");

    private final String configName;

    Initialization(String configName) {
        this.configName = configName;
    }

    /** How {@code network.initialization} spells it. */
    public String configName() {
        return configName;
    }

    /** The scheme a config names; a valid config names one of {@link ConfigDefaults#INITIALIZATIONS}. */
    public static Initialization fromConfig(String name) {
        for (Initialization i : values()) {
            if (i.configName.equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initialization " + name);
    }

    /** The scheme of a resolved config ({@code null} network = ours). */
    public static Initialization of(SearchSpaceConfig config) {
        return config.network() == null ? MOBILENET_V2 : fromConfig(config.network().initialization());
    }
}
