package cn.hunan.hrss.employmenthub.warehouse;

/** Another process holds the warehouse lock; the message names it. */
public class WarehouseLockedException extends RuntimeException {

    public WarehouseLockedException(String message) {
        super(message);
    }
}
