package cn.zhaoshang.common;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How long each step of an import took (summed over its chunks), for one log line: where a large import's time goes. */
public final class Phases {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long last = start;

    /** Ends the step that ran since the previous mark. */
    public void mark(String step) {
        long now = System.nanoTime();
        nanos.merge(step, now - last, Long::sum);
        last = now;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        nanos.forEach((step, n) -> b.append(b.isEmpty() ? "" : "，").append(step).append(' ').append(seconds(n)));
        return b.append("；共 ").append(seconds(System.nanoTime() - start)).append(" 秒").toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
