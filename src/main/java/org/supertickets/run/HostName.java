package org.supertickets.run;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name as leases record it; looked up once, since a DNS lookup may be slow. */
public final class HostName {

    private static volatile String name;

    private HostName() {
    }

    public static String get() {
        String known = name;
        if (known == null) {
            known = lookUp();
            name = known;
        }
        return known;
    }

    private static String lookUp() {
        String fromEnv = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return fromEnv == null || fromEnv.isBlank() ? "unknown-host" : fromEnv;
        }
    }
}
