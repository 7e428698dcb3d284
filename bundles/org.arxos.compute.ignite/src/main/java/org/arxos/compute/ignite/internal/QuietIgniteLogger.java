package org.arxos.compute.ignite.internal;

import org.apache.ignite.IgniteLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ignite's log through SLF4J, one level down for information: Ignite tells a lot at INFO (a banner, every
 * configuration value, every topology change), which belongs in DEBUG of a server whose log is read by people.
 * Warnings and errors stay what they are.
 */
final class QuietIgniteLogger implements IgniteLogger {

    private final Logger log;

    QuietIgniteLogger(Logger log) {
        this.log = log;
    }

    static QuietIgniteLogger forCategory(Object category) {
        String name = category instanceof Class<?> type ? type.getName()
                : category == null ? "org.apache.ignite" : category.toString();
        return new QuietIgniteLogger(LoggerFactory.getLogger(name));
    }

    @Override
    public IgniteLogger getLogger(Object category) {
        return forCategory(category);
    }

    @Override
    public void trace(String message) {
        log.trace(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.debug(message);
    }

    @Override
    public void warning(String message, Throwable e) {
        log.warn(message, e);
    }

    @Override
    public void error(String message, Throwable e) {
        log.error(message, e);
    }

    @Override
    public boolean isTraceEnabled() {
        return log.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isDebugEnabled();
    }

    /** Not quiet: Ignite prints a quiet logger's summary to standard output instead of logging it. */
    @Override
    public boolean isQuiet() {
        return false;
    }

    @Override
    public String fileName() {
        return null;
    }
}
