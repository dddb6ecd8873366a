package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
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
    private final AdminLog adminLog;

    public RotateKeyCommand(KeyRotation rotation, WarehouseMigrator migrator, AdminLog adminLog) {
        this.rotation = rotation;
        this.migrator = migrator;
        this.adminLog = adminLog;
    }

    public int run(String reason, PrintStream out) {
        migrator.migrate();
        Map<String, Long> done = rotation.rotate();
        long total = 0;
        for (Map.Entry<String, Long> e : done.entrySet()) {
            if (e.getValue() > 0) {
                out.printf("  %-40s %9d%n", e.getKey(), e.getValue());
            }
            total += e.getValue();
        }
        adminLog.record(AdminLog.Actor.commandLine(), "rotate-key", "personal-data key", reason, null,
                total + " value(s) re-encrypted");
        out.println("OK: " + total + " value(s) re-encrypted with the new key; " + "HUB_PII_KEY_PREVIOUS can be removed");
        return ExitCodes.OK;
    }
}
