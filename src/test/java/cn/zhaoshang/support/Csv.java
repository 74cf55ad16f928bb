package cn.zhaoshang.support;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds small import files in tests: a header and rows given as column → value maps. */
public final class Csv {

    private final List<String> headers;
    private final List<Map<String, String>> rows = new ArrayList<>();

    private Csv(List<String> headers) {
        this.headers = headers;
    }

    public static Csv of(String... headers) {
        return new Csv(List.of(headers));
    }

    public Csv row(Map<String, String> row) {
        rows.add(row);
        return this;
    }

    public String text() {
        StringBuilder b = new StringBuilder(String.join(",", headers)).append("\r\n");
        for (Map<String, String> r : rows) {
            b.append(headers.stream().map(h -> quote(r.getOrDefault(h, ""))).collect(Collectors.joining(","))).append("\r\n");
        }
        return b.toString();
    }

    public byte[] utf8() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] gb18030() {
        return text().getBytes(Charset.forName("GB18030"));
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
