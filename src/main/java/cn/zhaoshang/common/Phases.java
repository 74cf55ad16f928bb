package cn.zhaoshang.common;

import java.util.LinkedHashMap;
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
        nanos.forEach((step, n) -> b.append(b.isEmpty() ? "" : "，").append(step).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f", n / 1e9)));
        return b.append("；共 ").append(String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9)).append(" 秒").toString();
    }
}
