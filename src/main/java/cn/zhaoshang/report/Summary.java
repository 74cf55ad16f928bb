package cn.zhaoshang.report;

import java.time.LocalDate;
import java.util.Map;

/** The summary report: the pool's total and its split by stage on {@code to}. */
public record Summary(String region, LocalDate from, LocalDate to, Figures total, Map<String, Figures> stages) {

    public Figures stage(String name) {
        return stages.getOrDefault(name, Figures.ZERO);
    }
}
