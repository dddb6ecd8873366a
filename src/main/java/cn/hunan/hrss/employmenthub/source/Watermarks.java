package cn.hunan.hrss.employmenthub.source;

import java.util.Optional;

/** What earlier runs loaded, so that a night reads only what changed. */
public interface Watermarks {

    /** The highest updated-at value loaded for a database entity. */
    Optional<String> watermark(String sourceId, String entity);

    /** Whether a file with these contents was already loaded for this entity. */
    boolean fileLoaded(String sourceId, String entity, String sha256);

    /**
     * Digests of the database rows the run that set an entity's watermark read in its last lookback window: a
     * night reads that window again (for rows committed late with an earlier time) and passes over these.
     */
    default java.util.Set<String> recentlyLoaded(String sourceId, String entity) {
        return java.util.Set.of();
    }

    /** Every file and the whole of every table, as if nothing had been loaded yet (for looks at a source). */
    Watermarks NONE = new Watermarks() {
        @Override
        public Optional<String> watermark(String sourceId, String entity) {
            return Optional.empty();
        }

        @Override
        public boolean fileLoaded(String sourceId, String entity, String sha256) {
            return false;
        }
    };
}
