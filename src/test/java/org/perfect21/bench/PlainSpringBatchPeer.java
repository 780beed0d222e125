package org.perfect21.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.zaxxer.hikari.HikariDataSource;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.workflow.Definitions;
import org.perfect21.workflow.PreparedAgent;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The peer: a partitioned Spring Batch job set up the way the reference documentation shows it.
 * One worker step execution per agent (gridSize = agents) on a {@link TaskExecutorPartitionHandler}
 * over a {@link ThreadPoolTaskExecutor}; each worker is a chunk-oriented step (chunk size 1) whose reader yields its
 * agent, whose processor runs the agent inside the chunk transaction and whose writer inserts a result row. It has its
 * own Hikari pool on the application's database, its own JDBC job repository and job operator.
 * <p>
 * Two configurations: {@linkplain #byDefault default} (Spring Boot's task executor sizes, core 8 with an unbounded
 * queue, so 8 threads; Hikari's default max 10) and {@linkplain #tuned tuned} (a pool of the given threads, meant to
 * be the most agents the measurement holds in flight, with a connection per thread: each worker's chunk transaction
 * holds one while its agent runs).
 */
final class PlainSpringBatchPeer implements Contender {

    static final String DEFAULT = "plain Spring Batch (default)";
    static final String TUNED = "plain Spring Batch (tuned)";
    static final String RUN = "bench.run";
    static final String AGENT = "agent";

    private final Definitions definitions;
    private final HikariDataSource dataSource;
    private final DataSourceTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final TaskExecutorJobOperator jobOperator;
    private final ThreadPoolTaskExecutor partitionExecutor;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Queue<Long>> durations = new ConcurrentHashMap<>();
    private final String name;

    /** Spring Boot's defaults: 8 executor threads, 10 connections; on the database the engine's environment names. */
    static PlainSpringBatchPeer byDefault(Definitions definitions, Environment engine) throws Exception {
        return new PlainSpringBatchPeer(DEFAULT, definitions, engine, 8, 10);
    }

    /** A pool of {@code threads} threads and as many connections, plus two for the job repository's own statements. */
    static PlainSpringBatchPeer tuned(Definitions definitions, Environment engine, int threads) throws Exception {
        return new PlainSpringBatchPeer(TUNED, definitions, engine, threads, threads + 2);
    }

    private PlainSpringBatchPeer(String name, Definitions definitions, Environment engine, int threads, int connections)
            throws Exception {
        String jdbcUrl = engine.getRequiredProperty("spring.datasource.url");
        String username = engine.getProperty("spring.datasource.username", "sa");
        String password = engine.getProperty("spring.datasource.password", "");
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        this.name = name;
        this.definitions = definitions;
        dataSource = new HikariDataSource();
        dataSource.setMaximumPoolSize(connections);
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        dataSource.setPoolName("bench-peer-" + threads);
        transactionManager = new DataSourceTransactionManager(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        // Long text is CLOB on H2 and TEXT on PostgreSQL.
        String text = postgres ? "TEXT" : "CLOB";
        jdbc.execute("CREATE TABLE IF NOT EXISTS BENCH_PEER_RESULT (ID BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " RUN_ID VARCHAR(64) NOT NULL, AGENT VARCHAR(100) NOT NULL, STATUS VARCHAR(16) NOT NULL,"
                + " DURATION_MS BIGINT, OUTPUT_BYTES BIGINT, OUTPUT " + text + ")");
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        // On PostgreSQL at READ_COMMITTED, as Perfect21: at Spring Batch's default SERIALIZABLE, concurrent launches
        // there fail each other's serialization checks.
        if (postgres) {
            factory.setIsolationLevelForCreateEnum(org.springframework.transaction.annotation.Isolation.READ_COMMITTED);
        }
        factory.afterPropertiesSet();
        jobRepository = factory.getObject();
        jobOperator = new TaskExecutorJobOperator();
        jobOperator.setJobRepository(jobRepository);
        jobOperator.setJobRegistry(new MapJobRegistry());
        jobOperator.setTaskExecutor(new SyncTaskExecutor());
        jobOperator.afterPropertiesSet();
        // Spring Boot's applicationTaskExecutor defaults are core 8, unbounded max and queue (so 8 threads).
        partitionExecutor = new ThreadPoolTaskExecutor();
        partitionExecutor.setCorePoolSize(threads);
        partitionExecutor.setThreadNamePrefix("bench-peer-task-");
        partitionExecutor.initialize();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunSample run(Workload workload) throws Exception {
        Job job = jobs.computeIfAbsent(workload.name(), name -> build(workload));
        String runId = UUID.randomUUID().toString();
        Queue<Long> agentDurations = new ConcurrentLinkedQueue<>();
        durations.put(runId, agentDurations);
        try {
            long start = System.nanoTime();
            JobExecution execution = jobOperator.start(job, new JobParametersBuilder().addString(RUN, runId).toJobParameters());
            long wall = System.nanoTime() - start;
            int succeeded = execution.getStepExecutions().stream()
                    .filter(s -> s.getStepName().contains(":partition") && s.getStatus() == BatchStatus.COMPLETED)
                    .mapToInt(s -> (int) s.getWriteCount()).sum();
            long critical = agentDurations.stream().mapToLong(Long::longValue).max().orElse(0);
            return new RunSample(wall, critical, succeeded, workload.agents(),
                    execution.getStatus() == BatchStatus.COMPLETED);
        } finally {
            durations.remove(runId);
        }
    }

    private Job build(Workload workload) {
        List<PreparedAgent> agents = definitions.workflow(workload.name()).orElseThrow().phases().get(0).agents();
        Step worker = new StepBuilder("peer-worker", jobRepository).<PreparedAgent, PeerResult>chunk(1)
                .transactionManager(transactionManager)
                .reader(new PartitionAgentReader(agents))
                .processor(this::runAgent)
                .writer(chunk -> jdbc.batchUpdate("INSERT INTO BENCH_PEER_RESULT (RUN_ID, AGENT, STATUS, DURATION_MS,"
                        + " OUTPUT_BYTES, OUTPUT) VALUES (?, ?, ?, ?, ?, ?)", chunk.getItems(), chunk.size(), (ps, r) -> {
                            ps.setString(1, r.runId());
                            ps.setString(2, r.agent());
                            ps.setString(3, r.outcome().succeeded() ? "COMPLETED" : "FAILED");
                            ps.setLong(4, r.durationNanos() / 1_000_000);
                            ps.setLong(5, r.outcome().outputBytes());
                            ps.setString(6, r.outcome().output());
                        }))
                .build();
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(worker);
        handler.setTaskExecutor(partitionExecutor);
        handler.setGridSize(agents.size());
        Step manager = new StepBuilder("peer-manager", jobRepository)
                .partitioner(worker.getName(), gridSize -> {
                    Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
                    for (int i = 0; i < gridSize; i++) {
                        ExecutionContext context = new ExecutionContext();
                        context.putInt(AGENT, i);
                        partitions.put("partition" + i, context);
                    }
                    return partitions;
                })
                .partitionHandler(handler)
                .build();
        return new JobBuilder("plain-peer-" + workload.name(), jobRepository).start(manager).build();
    }

    /** Runs the agent inside the chunk transaction and blocks on it, as a plain processor would. */
    private PeerResult runAgent(PreparedAgent agent) {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        String runId = step.getJobExecution().getJobParameters().getString(RUN);
        long began = System.nanoTime();
        AgentOutcome outcome = agent.runner().start(ExecutorServiceFloor.call()).join();
        long took = System.nanoTime() - began;
        Queue<Long> sink = durations.get(runId);
        if (sink != null) {
            sink.add(took);
        }
        return new PeerResult(runId, agent.name(), outcome, took);
    }

    record PeerResult(String runId, String agent, AgentOutcome outcome, long durationNanos) {
    }

    /**
     * What a {@code @StepScope} reader does: yields the one agent named by the current partition's
     * context, once per step execution. Step scope needs an application context; this reads the
     * step execution bound to the thread instead, which is the same information.
     */
    static final class PartitionAgentReader implements org.springframework.batch.infrastructure.item.ItemReader<PreparedAgent> {

        private final List<PreparedAgent> agents;
        private final Set<Long> read = ConcurrentHashMap.newKeySet();

        PartitionAgentReader(List<PreparedAgent> agents) {
            this.agents = agents;
        }

        @Override
        public PreparedAgent read() {
            StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
            if (!read.add(step.getId())) {
                read.remove(step.getId());
                return null;
            }
            return agents.get(step.getExecutionContext().getInt(AGENT));
        }
    }

    @Override
    public void close() {
        partitionExecutor.shutdown();
        dataSource.close();
    }
}
