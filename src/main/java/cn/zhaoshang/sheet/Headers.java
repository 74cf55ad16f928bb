package cn.zhaoshang.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The header row: normalised names, the file column each sits in, and a name → position index shared by all rows. */
final class Headers {

    /** Real import sheets have a few dozen columns; the cap bounds memory per row for hostile files. */
    static final int MAX_COLUMNS = 1000;

    private final List<String> names;
    private final int[] columns;
    private final Map<String, Integer> positions;

    private Headers(List<String> names, int[] columns, Map<String, Integer> positions) {
        this.names = List.copyOf(names);
        this.columns = columns;
        this.positions = positions;
    }

    /** Reads a header row; blank header cells are skipped, so their columns are ignored. */
    static Headers of(List<String> rawCells) {
        List<String> names = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int column = 0; column < rawCells.size(); column++) {
            String name = Text.header(rawCells.get(column));
            if (name.isEmpty()) {
                continue;
            }
            if (positions.putIfAbsent(name, names.size()) != null) {
                throw new SheetFormatException("表头“" + name + "”重复");
            }
            if (names.size() == MAX_COLUMNS) {
                throw new SheetFormatException("表头超过" + MAX_COLUMNS + "列，请只保留需要导入的列");
            }
            names.add(name);
            columns.add(column);
        }
        return new Headers(names, columns.stream().mapToInt(Integer::intValue).toArray(), positions);
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** The file column (0-based) of the i-th header. */
    int column(int i) {
        return columns[i];
    }

    /** The position of a header among {@link #names()}, or -1. */
    int position(Object name) {
        Integer p = positions.get(name);
        return p == null ? -1 : p;
    }
}
