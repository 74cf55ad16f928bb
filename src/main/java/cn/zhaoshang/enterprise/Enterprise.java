package cn.zhaoshang.enterprise;

import java.util.List;

/** A company, identified by its 统一社会信用代码 where known; it may be known under several names. */
public record Enterprise(long id, String creditCode, String name, List<String> aliases, int version) {
}
