package org.perfect21.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

import java.util.stream.Collectors;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the SQL statements the engine sends through its {@link DataSource}, with datasource-proxy wrapping the
 * context's DataSource bean (the bench only; the platform never carries the proxy). A statement is one execution sent
 * to the database: a JDBC batch counts once, however many rows it carries.
 */
final class SqlStatementCounter implements QueryExecutionListener {

    private final LongAdder executions = new LongAdder();
    /** While set, the text of every statement, for {@code ops/bench --gate --sql}. */
    private volatile Queue<String> recording;

    long executions() {
        return executions.sum();
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        executions.increment();
        Queue<String> sink = recording;
        if (sink != null) {
            sink.add((execution.isBatch() ? "[batch of " + execution.getBatchSize() + "] " : "")
                    + queries.get(0).getQuery().replaceAll("\\s+", " ").trim());
        }
    }

    /** Records the statements {@code work} sends and returns them, counted by text, most frequent first. */
    Map<String, Long> record(Runnable work) {
        Queue<String> sink = new ConcurrentLinkedQueue<>();
        recording = sink;
        try {
            work.run();
        } finally {
            recording = null;
        }
        Map<String, Long> counts = sink.stream().collect(Collectors.groupingBy(q -> q, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Wraps the context's DataSource beans as they are created, before Flyway or anything else uses them. */
    ApplicationContextInitializer<ConfigurableApplicationContext> wrapDataSources() {
        return context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource
                        ? ProxyDataSourceBuilder.create(dataSource).name(name).listener(SqlStatementCounter.this).build()
                        : bean;
            }
        });
    }
}
