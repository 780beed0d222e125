package org.perfect21.architecture;

import java.util.Timer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Every call the clock rules forbid, one method each, never run: {@code ArchitectureTests} feeds this class to the
 * rules to show that each one catches its call.
 */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class ClockWaitingFixture {

    void threadSleep() throws InterruptedException {
        Thread.sleep(5);
    }

    void timeUnitSleep() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(5);
    }

    void objectWait(Object monitor) throws InterruptedException {
        synchronized (monitor) {
            monitor.wait(5);
        }
    }

    void parkNanos() {
        LockSupport.parkNanos(5_000_000);
    }

    void conditionAwait(Condition condition) throws InterruptedException {
        condition.await(5, TimeUnit.MILLISECONDS);
    }

    void futureGet(CompletableFuture<?> future) throws Exception {
        future.get(5, TimeUnit.MILLISECONDS);
    }

    void latchAwait(CountDownLatch latch) throws InterruptedException {
        latch.await(5, TimeUnit.MILLISECONDS);
    }

    void barrierAwait(CyclicBarrier barrier) throws Exception {
        barrier.await(5, TimeUnit.MILLISECONDS);
    }

    void queuePoll(BlockingQueue<?> queue) throws InterruptedException {
        queue.poll(5, TimeUnit.MILLISECONDS);
    }

    void lockTry(ReentrantLock lock, Semaphore semaphore) throws InterruptedException {
        lock.tryLock(5, TimeUnit.MILLISECONDS);
        semaphore.tryAcquire(5, TimeUnit.MILLISECONDS);
    }

    void threadJoin(Thread thread) throws InterruptedException {
        thread.join(5);
    }

    void awaitTermination(ExecutorService executor) throws InterruptedException {
        executor.awaitTermination(5, TimeUnit.MILLISECONDS);
    }

    void scheduledExecutors() {
        Executors.newSingleThreadScheduledExecutor();
        new ScheduledThreadPoolExecutor(1);
        new Timer();
    }

    void poolsOfItsOwn() {
        Executors.newFixedThreadPool(2);
        new Thread(() -> { });
        new ThreadPoolTaskExecutor();
    }

    void commonPool() {
        CompletableFuture.runAsync(() -> { });
    }
}
