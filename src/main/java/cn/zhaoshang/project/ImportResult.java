package cn.zhaoshang.project;

/** What an import did: rows read, projects created, updated and left as they were. */
public record ImportResult(int created, int updated, int unchanged, int rows, long batchId) {
}
