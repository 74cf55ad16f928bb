package cn.zhaoshang.unit;

/** A responsible unit (责任单位) of a region: a department, a township or street, or a park. */
public record Unit(long id, String regionCode, String name, UnitKind kind, int version) {
}
