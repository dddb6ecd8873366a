package cn.hunan.hrss.employmenthub.source.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The four kinds of source system. */
public enum SourceKind {
    @JsonProperty("jdbc") JDBC,
    @JsonProperty("csv") CSV,
    @JsonProperty("xlsx") XLSX,
    @JsonProperty("json") JSON
}
