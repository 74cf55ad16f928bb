package cn.zhaoshang.visit;

/** What a visit import did (CONTRACT.md §5): rows read, visits created, updated and left as they were. */
public record VisitImportResult(int created, int updated, int unchanged, int rows, long batch) {
}
