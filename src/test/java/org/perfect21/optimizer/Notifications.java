package org.perfect21.optimizer;

import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryUsage;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/** Simulated JMX notifications, shaped as the JVM sends them. */
final class Notifications {

    private static final String[] USAGE_ITEMS = {"init", "used", "committed", "max"};
    private static final String[] INFO_ITEMS = {"poolName", "usage", "count"};

    private Notifications() {
    }

    /** A pool's usage crossed its usage threshold. */
    static Notification thresholdExceeded(String pool, long used, long max) {
        try {
            CompositeType usageType = new CompositeType(MemoryUsage.class.getName(), "memory usage", USAGE_ITEMS,
                    USAGE_ITEMS, new OpenType<?>[] {SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.LONG});
            CompositeData usage = new CompositeDataSupport(usageType, USAGE_ITEMS, new Object[] {0L, used, used, max});
            CompositeType infoType = new CompositeType(MemoryNotificationInfo.class.getName(), "memory notification",
                    INFO_ITEMS, INFO_ITEMS, new OpenType<?>[] {SimpleType.STRING, usageType, SimpleType.LONG});
            CompositeData info = new CompositeDataSupport(infoType, INFO_ITEMS, new Object[] {pool, usage, 1L});
            Notification notification = new Notification(MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED,
                    "java.lang:type=Memory", 1, "Memory usage exceeds usage threshold");
            notification.setUserData(info);
            return notification;
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
