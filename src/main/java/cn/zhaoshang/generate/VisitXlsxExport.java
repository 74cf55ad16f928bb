package cn.zhaoshang.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code generate --xlsx FILE --visits N}: the field work {@code generate --visits N} would write, with the same seed,
 * region, years, projects and enterprises, as a visits import workbook (CONTRACT.md §5 columns, Excel date cells), in
 * the order of the visits' ids. It leaves out 关联项目编号, so it imports into any database: the projects it would name
 * exist only where the same ledger was generated. No database is needed.
 */
final class VisitXlsxExport {

    static final List<String> HEADERS = List.of("日期", "小分队", "行政区划代码", "批次", "城市", "企业", "统一社会信用代码", "方式",
            "带队领导", "参加人员", "洽谈内容", "下一步", "下次跟进日期");

    private VisitXlsxExport() {
    }

    static int write(GenerateOptions o) throws Exception {
        Territory territory = new Territory(XlsxExport.counties(o.region()), o.fromYear(), o.toYear(), o.seed());
        LedgerSynth synth = new LedgerSynth(territory, o.projects(), o.fromYear(), o.toYear(), o.seed());
        Map<String, CountyProjects> index = new LinkedHashMap<>();
        territory.counties.forEach(c -> index.put(c.code(), new CountyProjects()));
        synth.run((p, fresh) -> index.get(p.regionCode()).add(p));
        if (o.enterprises() > synth.investors().count()) {
            FieldWorkSynth.prospects(synth.investors(), o.enterprises(), o.seed());
        }
        LocalDate end = FieldWorkSynth.end(synth.asOf());
        FieldWorkSynth fieldWork = new FieldWorkSynth(territory, synth.investors(), index.values().toArray(CountyProjects[]::new),
                synth.allocate(), o.visits(), o.fromYear(), o.toYear(), end, o.seed());
        Path parent = o.xlsx().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Investors investors = synth.investors();
        int[] row = {0};
        try (OutputStream out = Files.newOutputStream(o.xlsx())) {
            Workbook wb = new Workbook(out, "Zhaoshang", "1.0");
            Worksheet ws = wb.newWorksheet("走访");
            for (int c = 0; c < HEADERS.size(); c++) {
                ws.value(0, c, HEADERS.get(c));
            }
            fieldWork.run(w -> {
                FieldVisits v = w.visits();
                String[] phrases = w.phrases().text;
                for (int i = 0; i < v.size; i++) {
                    int r = ++row[0];
                    FieldWorkSynth.Team team = w.teams().get(v.team[i]);
                    Investors.Investor e = investors.get(v.enterprise[i]);
                    ws.value(r, 0, LocalDate.ofEpochDay(v.day[i]));
                    ws.value(r, 1, team.name());
                    ws.value(r, 2, w.county().code());
                    text(ws, r, 3, v.batch[i] < 0 ? null : w.batches().get(w.batchOf()[v.batch[i]]).name());
                    text(ws, r, 4, v.city[i] < 0 ? null : FieldPool.cityName(v.city[i]));
                    ws.value(r, 5, e.name());
                    ws.value(r, 6, e.creditCode());
                    ws.value(r, 7, v.inspection[i] ? "来访考察" : "外出拜访");
                    text(ws, r, 8, team.leader());
                    text(ws, r, 9, v.members[i] ? team.members() : null);
                    ws.value(r, 10, phrases[v.discussion[i]]);
                    text(ws, r, 11, v.next[i] < 0 ? null : phrases[v.next[i]]);
                    if (v.followUp[i] >= 0) {
                        ws.value(r, 12, LocalDate.ofEpochDay(v.followUp[i]));
                    }
                    if (r % 10_000 == 0) {
                        flush(ws, r - 9_999, r);
                    }
                }
            });
            if (row[0] % 10_000 != 0) {
                flush(ws, row[0] - row[0] % 10_000 + 1, row[0]);
            }
            wb.finish();
        }
        return row[0];
    }

    /** Date cells show as dates: styled a block of rows at a time, before the block is flushed. */
    private static void flush(Worksheet ws, int firstRow, int lastRow) {
        ws.range(firstRow, 0, lastRow, 0).style().format("yyyy-mm-dd").set();
        ws.range(firstRow, 12, lastRow, 12).style().format("yyyy-mm-dd").set();
        try {
            ws.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Worksheet ws, int r, int c, String v) {
        if (v != null) {
            ws.value(r, c, v);
        }
    }
}
