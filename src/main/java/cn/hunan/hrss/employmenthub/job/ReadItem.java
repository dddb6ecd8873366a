package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;

/** A record as read, with the mapping that describes its layout. */
public record ReadItem(SourceRecord record, EntityMapping mapping) {
}
