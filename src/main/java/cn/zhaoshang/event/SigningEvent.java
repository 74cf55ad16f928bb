package cn.zhaoshang.event;

import java.time.LocalDate;

/** A signing event such as a fair (第十九届海交会) where projects are signed, some on stage. */
public record SigningEvent(long id, String name, LocalDate heldOn, String place, int version) {
}
