package org.perfect21.schedule;

import org.junit.jupiter.api.Test;
import org.perfect21.testing.EngineTest;
import org.perfect21.testing.TestDatabase;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Quartz keeps its triggers in the platform database; on PostgreSQL it runs clustered, on H2 (one node) not. */
@EngineTest
class QuartzDatabaseTests {

    @Autowired
    Scheduler scheduler;

    @Test
    void theJobStoreIsPersistentAndClusteredOnPostgresOnly() throws SchedulerException {
        SchedulerMetaData metaData = scheduler.getMetaData();

        assertThat(metaData.isJobStoreSupportsPersistence()).isTrue();
        assertThat(metaData.isJobStoreClustered()).isEqualTo(TestDatabase.postgres());
        if (TestDatabase.postgres()) {
            // AUTO: the host name and the time of start, so that nodes on one database never share an id.
            assertThat(metaData.getSchedulerInstanceId()).isNotEqualTo("NON_CLUSTERED");
        }
    }
}
