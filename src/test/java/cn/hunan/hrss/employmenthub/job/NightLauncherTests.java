package cn.hunan.hrss.employmenthub.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** What identifies a run, and which failures a run is restarted for at once. */
class NightLauncherTests {

    @Test
    void aRunIsIdentifiedByItsBusinessDateAndWhichReadingOfThatDateItIs() {
        DefaultJobKeyGenerator keys = new DefaultJobKeyGenerator();
        JobParameters night = NightLauncher.identity(LocalDate.of(2023, 12, 31), 0);
        assertThat(night.getIdentifyingParameters()).extracting(p -> p.name()).containsExactlyInAnyOrder("date", "rerun");
        assertThat(keys.generateKey(NightLauncher.identity(LocalDate.of(2023, 12, 31), 1))).isNotEqualTo(keys.generateKey(night));
        assertThat(keys.generateKey(NightLauncher.identity(LocalDate.of(2024, 1, 1), 0))).isNotEqualTo(keys.generateKey(night));
        assertThat(keys.generateKey(NightLauncher.identity(LocalDate.of(2023, 12, 31), 0))).isEqualTo(keys.generateKey(night));
    }

    @Test
    void deadlocksAndLostConnectionsAreTransientBadDataIsNot() {
        assertThat(NightLauncher.isTransient(new IllegalStateException("step failed",
                new CannotAcquireLockException("Deadlock found when trying to get lock")))).isTrue();
        assertThat(NightLauncher.isTransient(new RuntimeException(new SQLTransientConnectionException("connection lost"))))
                .isTrue();
        assertThat(NightLauncher.isTransient(new DataIntegrityViolationException("Data too long for column 'name'")))
                .isFalse();
        assertThat(NightLauncher.isTransient(new IllegalStateException("reconciliation failed"))).isFalse();
    }
}
