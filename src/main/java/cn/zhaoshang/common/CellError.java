package cn.zhaoshang.common;

/** One bad cell of an uploaded file: row as in the spreadsheet (header = 1), column by its header. */
public record CellError(int row, String column, String value, String message) {
}
