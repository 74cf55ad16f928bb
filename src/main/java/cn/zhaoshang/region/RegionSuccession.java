package cn.zhaoshang.region;

import java.time.LocalDate;

/** A retired code and the code that replaced it. */
public record RegionSuccession(String oldCode, String oldName, String newCode, LocalDate effectiveOn, String note) {
}
