package cn.zhaoshang.project;

import java.util.List;

/** One page of a list and the total it is part of. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
