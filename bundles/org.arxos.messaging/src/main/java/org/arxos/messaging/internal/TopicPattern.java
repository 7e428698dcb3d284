package org.arxos.messaging.internal;

/** A topic, or a prefix ending in {@code *} such as {@code revision/*}; {@code *} alone matches every topic. */
record TopicPattern(String text) {

    static TopicPattern of(String text) {
        if (text == null || text.isEmpty() || text.indexOf('*') >= 0 && text.indexOf('*') != text.length() - 1) {
            throw new IllegalArgumentException("a topic pattern is a topic or a prefix ending in *, such as "
                    + "revision/*, but was '" + text + "'");
        }
        return new TopicPattern(text);
    }

    boolean matches(String topic) {
        return text.endsWith("*") ? topic.startsWith(text.substring(0, text.length() - 1)) : text.equals(topic);
    }

    @Override
    public String toString() {
        return text;
    }
}
