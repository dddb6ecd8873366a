package cn.hunan.hrss.employmenthub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs a test class only where {@code WAREHOUSE_TEST_JDBC_URL} names a MySQL-family server (.ci/run points it at the
 * local MariaDB); elsewhere it is skipped with the reason. Inherited, so that every subclass of a base class carrying it
 * is skipped too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@EnabledIfEnvironmentVariable(named = "WAREHOUSE_TEST_JDBC_URL", matches = ".+",
        disabledReason = "set WAREHOUSE_TEST_JDBC_URL to a MySQL-family server (e.g. jdbc:mysql://127.0.0.1:3306/test)")
public @interface OnMySqlFamilyServer {
}
