package cn.zhaoshang.chain;

/** An industry chain (产业链) projects are promoted along, e.g. 大数据, 医疗健康. */
public record Chain(long id, String name, int version) {
}
