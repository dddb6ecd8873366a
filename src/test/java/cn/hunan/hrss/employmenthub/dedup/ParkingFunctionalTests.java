package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.quality.Reconciler;
import cn.hunan.hrss.employmenthub.quality.Reconciliation;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** Services whose person has not arrived are parked, loaded when the person comes, quarantined when never. */
class ParkingFunctionalTests extends H2WarehouseTest {

    @TempDir
    Path config;
    @Autowired
    Reconciler reconciler;


    @Test
    void parkedEventsAreReleasedWhenTheirPersonArrivesAndQuarantinedWhenTheyWaitTooLong() throws Exception {
        // given: persons A; services for A, B and C
        String a = idNumber("430481", "19800101", "011");
        String b = idNumber("430481", "19810101", "021");
        String c = idNumber("430481", "19820101", "031");
        Files.createDirectories(config.resolve("sources"));
        Files.createDirectories(config.resolve("data"));
        Files.writeString(config.resolve("defaults.yml"), "park-days: 7\n");
        Files.writeString(config.resolve("sources/station.yml"), """
                id: station
                kind: csv
                region: "430481"
                entities:
                  - entity: person
                    path: data/persons-*.csv
                    columns: {name: name, id_number: id, registered_on: registered}
                  - entity: service
                    path: data/services-*.csv
                    columns: {person_id_number: id, service_type: type, served_on: date, station_code: station}
                """);
        Files.writeString(config.resolve("data/persons-1.csv"), "name,id,registered\nA," + a + ",2023-01-01\n");
        Files.writeString(config.resolve("data/services-1.csv"), "id,type,date,station\n" + a + ",岗位推荐,2023-02-01,ZD1\n"
                + b + ",岗位推荐,2023-02-01,ZD1\n" + c + ",职业指导,2023-02-02,ZD1\n");
        migrator.migrate();

        // when: night 1
        JobExecution night1 = run(LocalDate.of(2023, 3, 1));

        // then: A's service loads, B's and C's are parked
        assertThat(line(night1, "service")).extracting(Reconciliation::read, Reconciliation::created, Reconciliation::parked)
                .containsExactly(3L, 1L, 2L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_parked", Long.class)).isEqualTo(2);

        // when: night 2 brings B
        Files.writeString(config.resolve("data/persons-2.csv"), "name,id,registered\nB," + b + ",2023-01-15\n");
        JobExecution night2 = run(LocalDate.of(2023, 3, 2));

        // then: B's service is released into the warehouse, C's waits on
        assertThat(line(night2, "service")).extracting(Reconciliation::read, Reconciliation::released, Reconciliation::expired)
                .containsExactly(0L, 1L, 0L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_service", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_parked", Long.class)).isEqualTo(1);

        // when: more than park-days later C has still not come
        JobExecution night3 = run(LocalDate.of(2023, 3, 9));

        // then: C's service is quarantined with the reference rule, by the run that gave up on it
        long run3 = night3.getJobInstance().getInstanceId();
        assertThat(line(night3, "service").expired()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT rule_code, origin_run_id, payload_masked FROM quarantine WHERE run_id = ?", run3))
                .containsEntry("RULE_CODE", "REF_PERSON_UNKNOWN").containsEntry("ORIGIN_RUN_ID",
                        night1.getJobInstance().getInstanceId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_parked", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_service", Long.class)).isEqualTo(2);
    }

    private JobExecution run(LocalDate date) throws Exception {
        return night(config, date);
    }

    private Reconciliation line(JobExecution run, String entity) {
        return reconciler.load(run.getJobInstance().getInstanceId()).stream().filter(r -> r.entity().equals(entity))
                .findFirst().orElseThrow();
    }
}
