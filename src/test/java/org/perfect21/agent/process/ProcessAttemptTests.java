package org.perfect21.agent.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.agent.AgentOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Processes started as agent attempts: their input arrives however busy the agent executor is. */
class ProcessAttemptTests {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void closeExecutor() {
        executor.shutdownNow();
    }

    @Test
    void aProcessGetsItsInputWhileEveryExecutorThreadReadsAnotherProcesssOutput(@TempDir Path dir) throws Exception {
        // The running process's stdout and stderr readers hold both threads until it ends.
        CompletableFuture<AgentOutcome> busy = ProcessAttempt.start("busy", new ProcessBuilder("sleep", "30"), "", 1024,
                executor, exited -> AgentOutcome.success(""));
        Path received = dir.resolve("received");

        CompletableFuture<AgentOutcome> second = ProcessAttempt.start("second",
                new ProcessBuilder("sh", "-c", "cat > " + received + ".tmp && mv " + received + ".tmp " + received),
                "the instruction", 1024, executor, exited -> AgentOutcome.success(""));

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(received));
        assertThat(Files.readString(received)).isEqualTo("the instruction");
        assertThat(busy).isNotDone();
        busy.orTimeout(1, TimeUnit.MILLISECONDS);
        assertThat(second.orTimeout(10, TimeUnit.SECONDS).join().succeeded()).isTrue();
    }
}
