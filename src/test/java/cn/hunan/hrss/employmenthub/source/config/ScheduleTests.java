package cn.hunan.hrss.employmenthub.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Business dates are taken in the schedule's time zone, whatever the JVM's default is. */
class ScheduleTests {

    private final TimeZone jvmZone = TimeZone.getDefault();

    @AfterEach
    void restore() {
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void aNightStartedAfterMidnightBeijingTimeOnAUtcServerProcessesYesterdayInBeijing() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        // 2024-01-01 01:30 in Beijing is 2023-12-31 17:30 UTC, and 23:30 in Urumqi
        Clock clock = Clock.fixed(Instant.parse("2023-12-31T17:30:00Z"), ZoneOffset.UTC);

        assertThat(Defaults.NONE.yesterday(clock)).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(LocalDate.now(clock).minusDays(1)).as("what the JVM's zone would have said").isEqualTo(LocalDate.of(2023, 12, 30));
        Defaults urumqi = new Defaults(null, null, null, null, null, null, null, null,
                new Defaults.Schedule(null, "Asia/Urumqi", null));
        assertThat(urumqi.yesterday(clock)).as("two hours behind Beijing").isEqualTo(LocalDate.of(2023, 12, 30));
    }

    @Test
    void theScheduleDefaultsToTwoOClockBeijingTimeWithThreeDaysOfCatchUp() {
        Defaults.Schedule schedule = Defaults.NONE.scheduleOrDefault();

        assertThat(schedule.cronOrDefault()).isEqualTo("0 0 2 * * *");
        assertThat(schedule.zoneId().getId()).isEqualTo("Asia/Shanghai");
        assertThat(schedule.catchUpDaysOrDefault()).isEqualTo(3);
    }
}
