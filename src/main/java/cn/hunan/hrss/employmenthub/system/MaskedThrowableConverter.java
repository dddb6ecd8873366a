package cn.hunan.hrss.employmenthub.system;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Stack traces in the log pass the masker too: an exception's message may quote the value that broke it. */
public class MaskedThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return PiiMasker.mask(super.throwableProxyToString(proxy));
    }
}
