package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator's split survives later nights; an accepted review is merged by the next night. */
class MatchReviewTests extends H2WarehouseTest {

    private static final String SOURCE = "430481-station-register";

    @TempDir
    Path dir;
    @Autowired
    MatchReview review;

    @Test
    void aSplitStaysSplitAndAnAcceptedReviewIsMerged() throws Exception {
        // given: the demo with a stricter auto-merge probability, so that walk-ins wait for review
        Path config = copyDemo(dir);
        Files.writeString(config.resolve("defaults.yml"), Files.readString(config.resolve("defaults.yml"))
                .replace("auto-merge-probability: 0.99,", "auto-merge-probability: 0.9999999,"));
        migrator.migrate();
        night(config, LocalDate.of(2023, 12, 31));
        List<String> merged = keys("merged");
        List<String> reviewed = keys("review");
        assertThat(merged).isNotEmpty();
        assertThat(reviewed).isNotEmpty();

        // when: one merge is split, one review accepted
        String split = merged.get(0);
        String accepted = reviewed.get(0);
        assertThat(review.split(SOURCE, split)).isOne();
        review.accept(SOURCE, accepted);
        night(config, LocalDate.of(2023, 12, 31));

        // then
        assertThat(xref(split)).isZero();
        assertThat(xref(accepted)).isOne();

        // and a full reprocess reads the walk-ins again and keeps both decisions
        jdbc.update("DELETE FROM etl_watermark");
        jdbc.update("DELETE FROM etl_source_file");
        night(config, LocalDate.of(2023, 12, 31));
        assertThat(xref(split)).isZero();
        assertThat(xref(accepted)).isOne();
    }

    private List<String> keys(String decision) {
        return jdbc.queryForList("SELECT source_key FROM wh_match_evidence WHERE source_id = ? AND decision = ? "
                + "ORDER BY source_key", String.class, SOURCE, decision);
    }

    private long xref(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wh_xref WHERE entity = 'person' AND source_id = ? AND source_key = ?",
                Long.class, SOURCE, key);
    }
}
