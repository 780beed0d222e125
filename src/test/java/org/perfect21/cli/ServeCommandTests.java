package org.perfect21.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve}, and the jar without a command, run a web server until its context closes. */
class ServeCommandTests {

    /** Hands over the server's context once it is ready; added to the application with {@code spring.main.sources}. */
    public static final class Ready implements ApplicationListener<ApplicationReadyEvent> {
        static volatile CompletableFuture<ConfigurableApplicationContext> context = new CompletableFuture<>();

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            context.complete(event.getApplicationContext());
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void closeServer() {
        Ready.context.thenAccept(ConfigurableApplicationContext::close);
        Ready.context = new CompletableFuture<>();
    }

    @Test
    void serveAnswersHealthAndReturnsZeroWhenTheContextCloses() throws Exception {
        servesUntilClosed("serve");
    }

    @Test
    void withoutACommandTheJarServes() throws Exception {
        servesUntilClosed();
    }

    @Test
    void helpStillPrintsUsageListingServe() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new Perfect21Cli(org.perfect21.Perfect21Application.class, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err)).execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: perfect21", "serve", "run", "validate");
    }

    private void servesUntilClosed(String... command) throws Exception {
        String[] args = new String[command.length + 5];
        System.arraycopy(command, 0, args, 0, command.length);
        int i = command.length;
        args[i++] = "--server.port=0";
        args[i++] = "--perfect21.data-dir=" + dir.resolve("data");
        args[i++] = "--perfect21.jobs-dir=jobs";
        args[i++] = "--perfect21.tokens=admin:serve-test-token";
        args[i] = "--spring.main.sources=" + Ready.class.getName();
        Perfect21Cli cli = new Perfect21Cli(org.perfect21.Perfect21Application.class, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
        ConfigurableApplicationContext context = Ready.context.get(60, TimeUnit.SECONDS);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        // Readiness turns to ACCEPTING_TRAFFIC after every ApplicationReadyEvent listener has run (the
        // server's own ones take over the queue and sync schedules), so health may still say 503 at first.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

        assertThat(exit).as("serving blocks").isNotDone();
        context.close();
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
