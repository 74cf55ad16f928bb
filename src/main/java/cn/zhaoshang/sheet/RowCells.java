package cn.zhaoshang.sheet;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** An immutable, column-ordered header → text map over one array: rows of a big file share the header index. */
final class RowCells extends AbstractMap<String, String> {

    private final Headers headers;
    private final String[] values;

    RowCells(Headers headers, String[] values) {
        this.headers = headers;
        this.values = values;
    }

    @Override
    public String get(Object key) {
        int p = headers.position(key);
        return p < 0 ? null : values[p];
    }

    @Override
    public boolean containsKey(Object key) {
        return headers.position(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(headers.names().get(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
