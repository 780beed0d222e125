package org.perfect21.architecture;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules that keep production code off the clock, read from the bytecode: no sleeping, no timed waits (a
 * deadline is a timer completing a future, {@code orTimeout}, that the waiting code reacts to), no scheduled
 * executors or timers, and no thread pools but the one agent executor (built in {@code ExecutionConfiguration}).
 */
public final class ArchitectureRules {

    /** Where the platform's one executor is built. */
    static final String EXECUTOR_HOME = "org.perfect21.execution.ExecutionConfiguration";
    /**
     * Worker steps of a phase split over several partitions ({@code perfect21.execution.grid-size} above 1) get
     * threads of their own: they only wait for their agents, which must never wait on the agent executor.
     */
    static final String PARTITION_EXECUTOR_HOME = "org.perfect21.execution.job.WorkflowJobFactory";

    private ArchitectureRules() {
    }

    /** One forbidden call: what it is, and which calls match it. */
    record Forbidden(String what, DescribedPredicate<JavaCall<?>> calls) {
    }

    static final List<Forbidden> WAITING_ON_THE_CLOCK = List.of(
            forbidden("Thread.sleep", call -> named(call, Thread.class, "sleep")),
            forbidden("TimeUnit.sleep", call -> named(call, TimeUnit.class, "sleep")),
            forbidden("Object.wait with a timeout", call -> call.getName().equals("wait") && params(call) > 0),
            forbidden("LockSupport.parkNanos or parkUntil", call -> owner(call, LockSupport.class)
                    && Set.of("parkNanos", "parkUntil").contains(call.getName())),
            forbidden("a timed Condition.await", call -> owner(call, Condition.class)
                    && (Set.of("awaitNanos", "awaitUntil").contains(call.getName()) || call.getName().equals("await") && params(call) > 0)),
            forbidden("a timed Future.get", call -> owner(call, Future.class) && call.getName().equals("get") && params(call) == 2),
            forbidden("a timed CountDownLatch.await", call -> named(call, CountDownLatch.class, "await") && params(call) > 0),
            forbidden("a timed CyclicBarrier.await", call -> named(call, CyclicBarrier.class, "await") && params(call) > 0),
            forbidden("a timed BlockingQueue poll or offer", call -> owner(call, BlockingQueue.class)
                    && Set.of("poll", "offer").contains(call.getName()) && params(call) >= 2),
            forbidden("a timed Lock.tryLock or Semaphore.tryAcquire", call -> (named(call, Lock.class, "tryLock")
                    || named(call, Semaphore.class, "tryAcquire")) && call.getTarget().getRawParameterTypes().stream()
                    .anyMatch(type -> type.isEquivalentTo(TimeUnit.class))),
            forbidden("Thread.join with a timeout", call -> named(call, Thread.class, "join") && params(call) > 0),
            forbidden("ExecutorService.awaitTermination", call -> named(call, ExecutorService.class, "awaitTermination")));

    static final List<Forbidden> SCHEDULERS_AND_POOLS = List.of(
            forbidden("a scheduled executor", call -> named(call, Executors.class, "newScheduledThreadPool")
                    || named(call, Executors.class, "newSingleThreadScheduledExecutor")
                    || constructs(call, ScheduledThreadPoolExecutor.class)
                    || constructs(call, "org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler")
                    || constructs(call, "org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler")
                    || constructs(call, java.util.Timer.class)),
            forbidden("a thread pool of its own", call -> owner(call, Executors.class) && call.getName().startsWith("new")
                    || constructs(call, ThreadPoolExecutor.class) || constructs(call, Thread.class)),
            forbidden("the common pool (supplyAsync or runAsync without an executor)", call -> owner(call, CompletableFuture.class)
                    && Set.of("supplyAsync", "runAsync").contains(call.getName()) && params(call) == 1));

    /** No class makes a call of {@code rule}. */
    static ArchRule never(Forbidden rule) {
        return noClasses().should().callCodeUnitWhere(rule.calls()).as("no production code uses " + rule.what());
    }

    /** No class but the executor's home builds a Spring task executor. */
    static ArchRule onlyTheOneExecutorIsBuilt() {
        return noClasses().that().doNotHaveFullyQualifiedName(EXECUTOR_HOME).and().doNotHaveFullyQualifiedName(PARTITION_EXECUTOR_HOME)
                .should().callCodeUnitWhere(DescribedPredicate.describe("a task executor's constructor",
                        call -> call instanceof JavaConstructorCall && call.getTargetOwner()
                                .isAssignableTo("org.springframework.core.task.TaskExecutor")))
                .as("no production code builds " + ONE_EXECUTOR + " (only " + EXECUTOR_HOME + " builds the agent executor, and "
                        + PARTITION_EXECUTOR_HOME + " the partition executor)");
    }

    /** Every rule production code keeps. */
    public static List<ArchRule> all() {
        List<ArchRule> rules = new java.util.ArrayList<>();
        WAITING_ON_THE_CLOCK.forEach(rule -> rules.add(never(rule)));
        SCHEDULERS_AND_POOLS.forEach(rule -> rules.add(never(rule)));
        rules.add(onlyTheOneExecutorIsBuilt());
        return rules;
    }

    /** The rule about {@code what} (a forbidden call's name, or {@link #ONE_EXECUTOR}). */
    public static ArchRule rule(String what) {
        if (what.equals(ONE_EXECUTOR)) {
            return onlyTheOneExecutorIsBuilt();
        }
        return java.util.stream.Stream.concat(WAITING_ON_THE_CLOCK.stream(), SCHEDULERS_AND_POOLS.stream())
                .filter(rule -> rule.what().equals(what)).findFirst().map(ArchitectureRules::never).orElseThrow();
    }

    public static final String ONE_EXECUTOR = "a task executor of its own";

    /** The class that breaks every rule, one method per call. */
    public static Class<?> fixture() {
        return ClockWaitingFixture.class;
    }

    /** For each rule, the fixture's methods it must report. */
    public static java.util.Map<String, List<String>> expectedViolations() {
        java.util.Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("Thread.sleep", List.of("threadSleep"));
        expected.put("TimeUnit.sleep", List.of("timeUnitSleep"));
        expected.put("Object.wait with a timeout", List.of("objectWait"));
        expected.put("LockSupport.parkNanos or parkUntil", List.of("parkNanos"));
        expected.put("a timed Condition.await", List.of("conditionAwait"));
        expected.put("a timed Future.get", List.of("futureGet"));
        expected.put("a timed CountDownLatch.await", List.of("latchAwait"));
        expected.put("a timed CyclicBarrier.await", List.of("barrierAwait"));
        expected.put("a timed BlockingQueue poll or offer", List.of("queuePoll"));
        expected.put("a timed Lock.tryLock or Semaphore.tryAcquire", List.of("lockTry"));
        expected.put("Thread.join with a timeout", List.of("threadJoin"));
        expected.put("ExecutorService.awaitTermination", List.of("awaitTermination"));
        expected.put("a scheduled executor", List.of("scheduledExecutors"));
        // A scheduled executor is a pool of its own too.
        expected.put("a thread pool of its own", List.of("poolsOfItsOwn", "scheduledExecutors"));
        expected.put("the common pool (supplyAsync or runAsync without an executor)", List.of("commonPool"));
        expected.put(ONE_EXECUTOR, List.of("poolsOfItsOwn"));
        return expected;
    }

    private static Forbidden forbidden(String what, java.util.function.Predicate<JavaCall<?>> test) {
        return new Forbidden(what, DescribedPredicate.describe(what, test::test));
    }

    private static boolean owner(JavaAccess<?> call, Class<?> type) {
        return call.getTargetOwner().isAssignableTo(type);
    }

    private static boolean named(JavaCall<?> call, Class<?> type, String name) {
        return call.getName().equals(name) && owner(call, type);
    }

    private static int params(JavaCall<?> call) {
        return call.getTarget().getRawParameterTypes().size();
    }

    private static boolean constructs(JavaCall<?> call, Class<?> type) {
        return call instanceof JavaConstructorCall && call.getTargetOwner().isAssignableTo(type);
    }

    private static boolean constructs(JavaCall<?> call, String type) {
        JavaClass owner = call.getTargetOwner();
        return call instanceof JavaConstructorCall && owner.isAssignableTo(type);
    }
}
