package org.supertickets.ui;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The one piece of start-up timing the app itself carries: asked with {@code -D}{@value #PROPERTY}{@code =true},
 * the window prints {@value #MARK} and the milliseconds since its JVM (or the launcher that started it) began,
 * then exits, on its first drawn frame. The tool that starts the app and reads the line ({@code ColdStart}) lives
 * with the other benchmarks in {@code src/tools/java}.
 */
public final class FirstFrameProbe {
    /** When true, the app prints {@link #MARK} and the time since its JVM started, then exits, on its first frame. */
    public static final String PROPERTY = "supertickets.exitOnFirstFrame";
    /** What the line the probe prints starts with; the milliseconds follow. */
    public static final String MARK = "first frame after ms ";
    /**
     * The epoch milliseconds the user's launch began, set by a launcher that starts the window in a child JVM
     * ({@code app.ClassDataSharing}), so the time counts from the user's click rather than from the child's start.
     */
    public static final String LAUNCHED_AT_PROPERTY = "supertickets.launchedAt";

    private FirstFrameProbe() {
    }

    /** Whether this JVM was started to time its first frame. */
    static boolean asked() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Called by the app once its window is shown, when {@link #PROPERTY} is set. */
    static void exitOnFirstFrame() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // A pulse runs its timers before it renders: the second call means the first frame is drawn.
                if (++pulses == 2) {
                    long launched = Long.getLong(LAUNCHED_AT_PROPERTY,
                            ManagementFactory.getRuntimeMXBean().getStartTime());
                    long sinceStart = System.currentTimeMillis() - launched;
                    System.out.println(MARK + sinceStart);
                    System.out.flush();
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }
}
