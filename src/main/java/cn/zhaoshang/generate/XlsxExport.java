package cn.zhaoshang.generate;

import cn.zhaoshang.project.ProjectColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code generate --xlsx FILE --rows N}: the same generated projects as an import workbook (no database needed), with
 * Excel date cells and numeric amounts as people's files have them. Rows carry no 项目编号, so an import assigns codes
 * and matches by region and name; parents are left out for the same reason.
 */
final class XlsxExport {

    private static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private static final List<ProjectColumn> COLUMNS = List.of(ProjectColumn.NAME, ProjectColumn.INVESTOR,
            ProjectColumn.CREDIT_CODE, ProjectColumn.REGION, ProjectColumn.UNIT, ProjectColumn.CHAIN, ProjectColumn.INVESTMENT,
            ProjectColumn.FOREIGN_INVESTMENT, ProjectColumn.UTILIZED_FOREIGN_CAPITAL, ProjectColumn.KEY_PROJECT,
            ProjectColumn.CONTACTED_ON, ProjectColumn.SIGNED_ON, ProjectColumn.LANDED_ON, ProjectColumn.STARTED_ON,
            ProjectColumn.COMPLETED_ON, ProjectColumn.TERMINATED_ON, ProjectColumn.EVENT, ProjectColumn.ON_STAGE,
            ProjectColumn.SOURCE, ProjectColumn.REFERRER, ProjectColumn.STAGE);

    private XlsxExport() {
    }

    static int write(GenerateOptions o) throws IOException {
        Territory territory = new Territory(counties(o.region()), o.fromYear(), o.toYear(), o.seed());
        LedgerSynth synth = new LedgerSynth(territory, o.rows(), o.fromYear(), o.toYear(), o.seed());
        Path parent = o.xlsx().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        int[] row = {0};
        try (OutputStream out = Files.newOutputStream(o.xlsx())) {
            Workbook wb = new Workbook(out, "Zhaoshang", "1.0");
            Worksheet ws = wb.newWorksheet("项目");
            for (int c = 0; c < COLUMNS.size(); c++) {
                ws.value(0, c, COLUMNS.get(c).header());
            }
            synth.run((p, fresh) -> {
                int r = ++row[0];
                for (int c = 0; c < COLUMNS.size(); c++) {
                    cell(ws, r, c, COLUMNS.get(c), p);
                }
                if (r % 10_000 == 0) {
                    dateStyle(ws, r - 9_999, r);
                    try {
                        ws.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            if (row[0] % 10_000 != 0) {
                dateStyle(ws, row[0] - row[0] % 10_000 + 1, row[0]);
            }
            wb.finish();
        }
        return row[0];
    }

    /** Date cells show as dates: styled a block of rows at a time, before the block is flushed. */
    private static void dateStyle(Worksheet ws, int firstRow, int lastRow) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (COLUMNS.get(c).header().endsWith("日期")) {
                ws.range(firstRow, c, lastRow, c).style().format("yyyy-mm-dd").set();
            }
        }
    }

    private static void cell(Worksheet ws, int r, int c, ProjectColumn column, GeneratedProject p) {
        switch (column) {
            case NAME -> ws.value(r, c, p.name());
            case INVESTOR -> text(ws, r, c, p.investor() == null ? null : p.investor().name());
            case CREDIT_CODE -> text(ws, r, c, p.investor() == null ? null : p.investor().creditCode());
            case REGION -> ws.value(r, c, p.regionCode());
            case UNIT -> text(ws, r, c, p.unit());
            case CHAIN -> text(ws, r, c, p.chain());
            case INVESTMENT -> money(ws, r, c, p.investment());
            case FOREIGN_INVESTMENT -> money(ws, r, c, p.foreignInvestment());
            case UTILIZED_FOREIGN_CAPITAL -> money(ws, r, c, p.utilizedForeignCapital());
            case KEY_PROJECT -> ws.value(r, c, p.keyProject() ? "是" : "否");
            case CONTACTED_ON -> date(ws, r, c, p.contactedOn());
            case SIGNED_ON -> date(ws, r, c, p.signedOn());
            case LANDED_ON -> date(ws, r, c, p.landedOn());
            case STARTED_ON -> date(ws, r, c, p.startedOn());
            case COMPLETED_ON -> date(ws, r, c, p.completedOn());
            case TERMINATED_ON -> date(ws, r, c, p.terminatedOn());
            case EVENT -> text(ws, r, c, p.event());
            case ON_STAGE -> ws.value(r, c, p.onStage() ? "是" : "否");
            case SOURCE -> text(ws, r, c, p.source());
            case REFERRER -> text(ws, r, c, p.referrer() == null ? null : p.referrer().name());
            case STAGE -> ws.value(r, c, p.stageLabel());
            default -> {
            }
        }
    }

    private static void text(Worksheet ws, int r, int c, String v) {
        if (v != null) {
            ws.value(r, c, v);
        }
    }

    private static void money(Worksheet ws, int r, int c, long cents) {
        if (cents >= 0) {
            ws.value(r, c, BigDecimal.valueOf(cents, 2));
        }
    }

    private static void date(Worksheet ws, int r, int c, LocalDate d) {
        if (d != null) {
            ws.value(r, c, d);
        }
    }

    /** The county-level regions under a current code, from the region list the application ships (no database here). */
    static List<Territory.County> counties(String code) throws IOException {
        Map<String, String> provinces = new HashMap<>();
        for (String[] p : csv("regions/provinces.csv")) {
            provinces.put(p[0], p[1]);
        }
        Map<String, String[]> cities = new HashMap<>();
        for (String[] c : csv("regions/cities.csv")) {
            cities.put(c[0], c);
        }
        Set<String> upper = new HashSet<>();
        provinces.keySet().forEach(p -> upper.add(p + "0000"));
        cities.keySet().forEach(c -> upper.add(c + "00"));
        String from;
        String to;
        if (code.endsWith("0000") && provinces.containsKey(code.substring(0, 2))) {
            from = code.substring(0, 2) + "0000";
            to = code.substring(0, 2) + "9999";
        } else if (code.endsWith("00") && cities.containsKey(code.substring(0, 4))) {
            from = code.substring(0, 4) + "00";
            to = code.substring(0, 4) + "99";
        } else {
            from = code;
            to = code;
        }
        List<Territory.County> out = new ArrayList<>();
        for (String[] a : csv("regions/areas.csv")) {
            if (upper.contains(a[0]) || a[0].compareTo(from) < 0 || a[0].compareTo(to) > 0) {
                continue;
            }
            String[] city = cities.get(a[2]);
            boolean placeholder = city == null || PLACEHOLDERS.contains(city[1]);
            out.add(new Territory.County(a[0], a[1], placeholder ? a[3] + "0000" : a[2] + "00",
                    placeholder ? provinces.get(a[3]) : city[1]));
        }
        if (out.isEmpty()) {
            throw new GenerateOptions.UsageException("未知的（或没有下辖县级区划的）现行行政区划代码：" + code);
        }
        return out;
    }

    private static List<String[]> csv(String resource) throws IOException {
        InputStream in = XlsxExport.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    String[] f = line.split(",");
                    for (int i = 0; i < f.length; i++) {
                        f[i] = f[i].replace("\"", "").trim();
                    }
                    rows.add(f);
                }
            }
        }
        return rows;
    }
}
