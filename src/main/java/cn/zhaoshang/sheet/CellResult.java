package cn.zhaoshang.sheet;

/**
 * The outcome of parsing one cell: a value (null for a blank cell) or a Chinese message naming what is wrong.
 * Row and column are the caller's to add.
 */
public record CellResult<T>(T value, String error) {

    public CellResult {
        if (value != null && error != null) {
            throw new IllegalArgumentException("a cell result has a value or an error, not both");
        }
    }

    public static <T> CellResult<T> ok(T value) {
        return new CellResult<>(value, null);
    }

    public static <T> CellResult<T> fail(String error) {
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("a failed cell needs a message");
        }
        return new CellResult<>(null, error);
    }

    public boolean isOk() {
        return error == null;
    }
}
