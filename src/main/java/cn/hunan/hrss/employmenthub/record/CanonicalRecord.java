package cn.hunan.hrss.employmenthub.record;

import java.util.List;
import java.util.Map;

/**
 * A source record after standardisation and validation.
 *
 * @param source where it came from
 * @param sourceKey the source system's key for it (its key column, else its match key)
 * @param columns staging column → standardised value (personal data only as hash, ciphertext and mask)
 * @param matchKey identifies the real-world thing; equal match keys are duplicates
 * @param rowHash digest of every canonical value, to tell an unchanged record from an updated one
 * @param violations every rule broken; any error sends the record to quarantine
 * @param payloadEncrypted the record as received, encrypted, for the landing area
 * @param payloadMasked the record as received with ID numbers and phones masked, for display
 */
public record CanonicalRecord(SourceRecord source, String sourceKey, Map<String, Object> columns, String matchKey,
                              String rowHash, List<Violation> violations, String payloadEncrypted,
                              String payloadMasked) {

    public boolean rejected() {
        return violations.stream().anyMatch(Violation::isError);
    }

    public Violation firstError() {
        return violations.stream().filter(Violation::isError).findFirst().orElse(null);
    }
}
