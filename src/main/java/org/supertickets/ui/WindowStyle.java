package org.supertickets.ui;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.supertickets.ui.teaching.PresenterMode;

/**
 * The theme and presenter mode on the window's scene: the stylesheets (light or dark, and presenter mode's scale
 * and contrast), full screen while presenting, and presenter mode left when full screen is (Esc or the window
 * manager).
 */
final class WindowStyle {

    private WindowStyle() {
    }

    /**
     * @param restyleViews  applies the theme to what stylesheets do not reach (view scales, the explanation height)
     * @param presentLayout gives the views presenter mode's layout (true) or the user's back (false)
     */
    static void install(Scene scene, BooleanProperty dark, PresenterMode presenter, Runnable restyleViews,
            Consumer<Boolean> presentLayout) {
        Runnable theme = () -> {
            scene.getStylesheets().setAll(css("workbench.css"));
            if (dark.get()) {
                scene.getStylesheets().add(css("dark.css"));
            }
            String presenting = presenter.stylesheet(dark.get());
            if (presenting != null) {
                scene.getStylesheets().add(presenting);
            }
            restyleViews.run();
        };
        dark.addListener((o, a, b) -> theme.run());
        presenter.scaleProperty().addListener((o, a, b) -> theme.run());
        presenter.onProperty().addListener((o, a, on) -> {
            theme.run();
            presentLayout.accept(on);
            if (scene.getWindow() instanceof Stage stage) {
                stage.setFullScreenExitHint("Esc leaves presenter mode");
                stage.setFullScreen(on);
            }
        });
        // Esc (or the window manager) leaving full screen leaves presenter mode too.
        scene.windowProperty().addListener((o, a, window) -> {
            if (window instanceof Stage stage) {
                stage.fullScreenProperty().addListener((o2, was, full) -> {
                    if (!full) {
                        presenter.onProperty().set(false);
                    }
                });
            }
        });
        theme.run();
    }

    private static String css(String name) {
        return WindowStyle.class.getResource(name).toExternalForm();
    }
}
