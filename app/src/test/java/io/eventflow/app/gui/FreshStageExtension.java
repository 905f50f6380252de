package io.eventflow.app.gui;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationAdapter;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.ApplicationFixture;
import org.testfx.framework.junit5.Init;
import org.testfx.framework.junit5.Start;

/**
 * TestFX's {@link ApplicationExtension}, except that each test's {@code @Start} method gets a new {@link Stage}.
 *
 * <p>{@code ApplicationExtension} hands every test of the JVM the same primary stage, and a stage keeps what a test
 * did to it: a size set with {@code setWidth}/{@code setHeight} (after which the stage no longer takes the size of the
 * scene it is given), its position, a bound title, its close handler and the listeners of the window that used it.
 * With all test classes in one JVM ({@code -Deventflow.reuseForks=true}) a class that sized the stage (as {@code
 * ReadableDiagramGuiTest} does, to 1366×768) left that size to the classes after it: the message editor of {@code
 * MessageSchemaGuiTest} got a 1366 px inspector instead of its 460 px one, and the main window of {@code
 * DesignerGuiTest} was 768 px high instead of 860 px. A new stage per test, as the application itself gets at launch,
 * leaves nothing to the next test ({@code FreshStageExtensionTest}).
 *
 * <p>{@code @Stop} methods are called by the inherited clean-up, which also hides every window after each test. A test's
 * stage, window and test instance are collected after it ({@code FreshStageExtensionTest}).
 */
public class FreshStageExtension extends ApplicationExtension {
    /** The running test's application, from {@link #beforeEach} to {@link #afterEach}. */
    private Application application;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage();
        application = new ApplicationAdapter(new NewStageFixture(context.getRequiredTestInstance()));
        FxToolkit.setupApplication(() -> application);
    }

    /**
     * TestFX keeps each application it sets up in JavaFX's table of application parameters until it is cleaned up;
     * the inherited clean-up removes only the application TestFX's extension would have made, so this test's is
     * removed here (left there, it would keep the test and its window for the rest of the JVM).
     */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            super.afterEach(context);
        } finally {
            Application done = application;
            application = null;
            if (done != null) {
                FxToolkit.cleanupApplication(done);
            }
        }
    }

    /** Calls the test's {@code @Init} and {@code @Start} methods, giving {@code @Start} a new stage. */
    private static final class NewStageFixture implements ApplicationFixture {
        private final Object test;

        NewStageFixture(Object test) {
            this.test = test;
        }

        @Override
        public void init() {
            for (Method m : methods(test, Init.class)) {
                ReflectionSupport.invokeMethod(m, test);
            }
        }

        @Override
        public void start(Stage primary) {
            Stage stage = new Stage();
            for (Method m : methods(test, Start.class)) {
                ReflectionSupport.invokeMethod(m, test, stage);
            }
        }

        @Override
        public void stop() {
            // the inherited afterEach calls the @Stop methods
        }
    }

    private static List<Method> methods(Object test, Class<? extends Annotation> annotation) {
        return AnnotationSupport.findAnnotatedMethods(test.getClass(), annotation, HierarchyTraversalMode.TOP_DOWN);
    }
}
