package cn.hunan.hrss.employmenthub.source;

import java.util.Optional;

/** What earlier runs loaded, so that a night reads only what changed. */
public interface Watermarks {

    /** The highest updated-at value loaded for a database entity. */
    Optional<String> watermark(String sourceId, String entity);

    /** Whether a file with these contents was already loaded for this entity. */
    boolean fileLoaded(String sourceId, String entity, String sha256);
}
