package cn.hunan.hrss.employmenthub.record;

/**
 * A rule a record broke. {@code detail} explains it without repeating personal data.
 */
public record Violation(Rule rule, String field, String detail) {

    public boolean isError() {
        return rule.severity() == Rule.Severity.ERROR;
    }
}
