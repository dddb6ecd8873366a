package cn.hunan.hrss.employmenthub.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A whole-application test on its own fresh in-memory H2 warehouse (the context is discarded after the class,
 * so every class starts at run 1), with helpers to copy the bundled demo and run nights.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@DirtiesContext
public abstract class H2WarehouseTest extends WarehouseTest {
}
