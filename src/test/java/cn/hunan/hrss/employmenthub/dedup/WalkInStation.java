package cn.hunan.hrss.employmenthub.dedup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source of the hand-written matching tests: one station in 430481 with identified persons
 * ({@code data/persons.csv}: name, id, phone, household, registered) and walk-ins named by their own key
 * ({@code data/walkins.csv}: ref, name, birth, phone, household, registered).
 */
final class WalkInStation {

    private WalkInStation() {
    }

    /** Writes {@code defaults.yml} with {@code defaults} and the station's source file into {@code config}. */
    static void configure(Path config, String defaults) throws IOException {
        Files.createDirectories(config.resolve("sources"));
        Files.writeString(config.resolve("defaults.yml"), defaults);
        Files.writeString(config.resolve("sources/station.yml"), """
                id: station
                kind: csv
                region: "430481"
                entities:
                  - entity: person
                    path: data/persons.csv
                    columns: {name: name, id_number: id, phone: phone, household_region: household, residence_region: household,
                              registered_on: registered}
                  - entity: person
                    path: data/walkins.csv
                    key: ref
                    columns: {name: name, birth_date: birth, phone: phone, household_region: household,
                              residence_region: household, registered_on: registered}
                """);
    }
}
