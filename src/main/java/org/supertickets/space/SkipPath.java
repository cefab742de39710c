package org.supertickets.space;

/**
 * The skip path of a block that cannot add its input as it is (stride 2 or a new width). A network uses one kind
 * for every such block; identity skips stay identities under both.
 */
public enum SkipPath {
    /** Ours: a dense strided 1x1 conv followed by its own BN (no activation). */
    DENSE_BN("dense"),
    /**
     * The official block's: a strided 1x1 conv with {@code groups = gcd(in, out)} and no BN, so it costs
     * {@code 1/groups} of the dense conv's MACs and weights.
     */
    GROUPED("grouped");

    private final String configName;

    SkipPath(String configName) {
        this.configName = configName;
    }

    /** How {@code network.skipPath} spells it. */
    public String configName() {
        return configName;
    }

    /** The kind a config names ({@code dense}, {@code grouped}); a valid config names one of them. */
    public static SkipPath fromConfig(String name) {
        for (SkipPath p : values()) {
            if (p.configName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown skip path " + name);
    }

    /** Groups of the skip conv from {@code in} to {@code out} channels. */
    public int groups(int in, int out) {
        return this == GROUPED ? gcd(in, out) : 1;
    }

    /** Whether the skip conv has a BN after it. */
    public boolean hasBatchNorm() {
        return this == DENSE_BN;
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
