package org.perfect21.optimizer;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Watches the heap through JMX, without polling. Each heap pool that supports usage thresholds (the
 * old generation) gets one at the high mark: the JVM notifies when usage crosses it upward. Usage
 * only falls in a garbage collection, so the way down is seen in GC notifications, which carry each
 * pool's usage after the collection. Both feed {@link MemoryPressure}. On close the listeners are
 * removed and the thresholds put back as they were.
 */
@Component
class HeapWatch implements NotificationListener, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HeapWatch.class);

    private final MemoryPressure pressure;
    private final MemoryMXBean memory;
    private final List<GarbageCollectorMXBean> collectors;
    // The watched pools and the threshold each had before.
    private final Map<MemoryPoolMXBean, Long> watched = new LinkedHashMap<>();

    HeapWatch(MemoryPressure pressure) {
        this.pressure = pressure;
        this.memory = ManagementFactory.getMemoryMXBean();
        this.collectors = ManagementFactory.getGarbageCollectorMXBeans();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported() && pool.getUsage().getMax() > 0) {
                watched.put(pool, pool.getUsageThreshold());
            }
        }
    }

    @Override
    public void afterPropertiesSet() {
        double high = pressure.marks().high();
        watched.keySet().forEach(pool -> pool.setUsageThreshold((long) (pool.getUsage().getMax() * high)));
        ((NotificationEmitter) memory).addNotificationListener(this,
                n -> MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(n.getType()), null);
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this,
                        n -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType()), null);
            }
        }
        if (watched.isEmpty()) {
            log.warn("No heap pool supports usage thresholds in this JVM: memory pressure is not watched");
        } else {
            log.debug("Watching heap pools {} (high {}, low {})", poolNames(), high, pressure.marks().low());
        }
        // A threshold only fires on crossing it: a heap already above it now is seen by this one look.
        recheck();
    }

    /** The names of the watched pools. */
    List<String> poolNames() {
        return watched.keySet().stream().map(MemoryPoolMXBean::getName).toList();
    }

    /** Feeds the watched pools' usage now to memory pressure (called once at start and at each optimizer tick). */
    void recheck() {
        watched.keySet().forEach(pool -> {
            MemoryUsage usage = pool.getUsage();
            pressure.observe(pool.getName(), usage.getUsed(), usage.getMax(), "check");
        });
    }

    /** The highest usage / max among the watched pools now; -1 when none is watched. */
    double highestRatio() {
        return watched.keySet().stream().map(MemoryPoolMXBean::getUsage)
                .mapToDouble(u -> (double) u.getUsed() / u.getMax()).max().orElse(-1);
    }

    /** A JMX notification: a pool over its threshold, or a garbage collection that ended. */
    @Override
    public void handleNotification(Notification notification, Object handback) {
        try {
            if (MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(notification.getType())) {
                MemoryNotificationInfo info = MemoryNotificationInfo.from((CompositeData) notification.getUserData());
                if (isWatched(info.getPoolName())) {
                    pressure.observe(info.getPoolName(), info.getUsage().getUsed(), maxOf(info.getPoolName(), info.getUsage()),
                            "threshold");
                }
            } else if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())
                    && pressure.underPressure()) {
                Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcInfo().getMemoryUsageAfterGc();
                after.forEach((pool, usage) -> {
                    if (isWatched(pool)) {
                        pressure.observe(pool, usage.getUsed(), maxOf(pool, usage), "after-gc");
                    }
                });
            }
        } catch (RuntimeException e) {
            // Never let an exception reach the JVM's notification thread.
            log.warn("Could not handle the {} notification: {}", notification.getType(), e.toString());
        }
    }

    private boolean isWatched(String poolName) {
        return watched.keySet().stream().anyMatch(pool -> pool.getName().equals(poolName));
    }

    private long maxOf(String poolName, MemoryUsage usage) {
        if (usage.getMax() > 0) {
            return usage.getMax();
        }
        return watched.keySet().stream().filter(pool -> pool.getName().equals(poolName)).findFirst()
                .map(pool -> pool.getUsage().getMax()).orElse(-1L);
    }

    @Override
    public void destroy() {
        remove((NotificationEmitter) memory);
        collectors.stream().filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast)
                .forEach(this::remove);
        watched.forEach(MemoryPoolMXBean::setUsageThreshold);
    }

    private void remove(NotificationEmitter emitter) {
        try {
            emitter.removeNotificationListener(this);
        } catch (ListenerNotFoundException e) {
            // Never added (the bean failed to start): nothing to remove.
        }
    }
}
