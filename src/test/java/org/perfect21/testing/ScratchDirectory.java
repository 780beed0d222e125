package org.perfect21.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a test application context a scratch directory of its own, deleted when the context closes (after its
 * database): {@code perfect21.data-dir} is inside it, and when {@value #JOBS_TEMPLATE} names a directory, a copy of
 * it is the context's {@code perfect21.jobs-dir} (so tests may add files to it). Its Quartz scheduler has a name of
 * its own. With {@code -Dperfect21.test.database=postgresql} the context gets a fresh PostgreSQL database instead of
 * the H2 file ({@link TestDatabase}), dropped with it. Contexts with the same
 * configuration share one, through Spring's test context cache.
 */
public final class ScratchDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A jobs directory (relative to the project) copied into the scratch directory as the context's jobs directory. */
    public static final String JOBS_TEMPLATE = "perfect21.test.jobs-template";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Path root = create();
        Map<String, Object> properties = new HashMap<>();
        properties.put("perfect21.data-dir", root.resolve("data").toString());
        // Quartz keeps a JVM-wide registry of job-store data sources by scheduler name: contexts alive side by side in
        // the context cache would otherwise read each other's databases.
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceName", "perfect21-" + root.getFileName());
        String template = environment.getProperty(JOBS_TEMPLATE);
        if (template != null) {
            Path jobs = root.resolve("jobs");
            copy(Path.of(template), jobs);
            properties.put("perfect21.jobs-dir", jobs.toString());
        }
        Runnable dropDatabase = () -> { };
        if (TestDatabase.postgres()) {
            TestDatabase.Created database = TestDatabase.createPostgres();
            properties.putAll(database.properties());
            dropDatabase = database.drop();
        }
        environment.getPropertySources().addFirst(new MapPropertySource("perfect21-scratch-directory", properties));
        // Registered before any bean, so destroyed after all of them: the database is closed by then.
        Runnable drop = dropDatabase;
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("perfect21ScratchDirectory", () -> {
            drop.run();
            delete(root);
        });
    }

    private static Path create() {
        try {
            return Files.createTempDirectory("perfect21-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory tree. */
    public static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Deletes a directory tree, if it exists. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
