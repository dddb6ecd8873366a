package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.warehouse.KeyRotation;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.PrintStream;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code rotate-key}: re-encrypts the warehouse's personal data from the previous key to the current one. */
@Component
public class RotateKeyCommand {

    private final KeyRotation rotation;
    private final WarehouseMigrator migrator;

    public RotateKeyCommand(KeyRotation rotation, WarehouseMigrator migrator) {
        this.rotation = rotation;
        this.migrator = migrator;
    }

    public int run(PrintStream out) {
        migrator.migrate();
        Map<String, Long> done = rotation.rotate();
        long total = 0;
        for (Map.Entry<String, Long> e : done.entrySet()) {
            if (e.getValue() > 0) {
                out.printf("  %-40s %9d%n", e.getKey(), e.getValue());
            }
            total += e.getValue();
        }
        out.println("OK: " + total + " value(s) re-encrypted with the new key; " + "HUB_PII_KEY_PREVIOUS can be removed");
        return ExitCodes.OK;
    }
}
