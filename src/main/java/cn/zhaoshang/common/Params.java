package cn.zhaoshang.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Request parameters read by hand, so that a bad one is named in Chinese rather than rejected by the framework. */
public final class Params {

    private Params() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.badRequest("缺少参数 " + name + "（日期，格式 yyyy-MM-dd）");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("参数 " + name + " 不是有效日期：" + value + "（格式 yyyy-MM-dd）");
        }
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw DomainException.badRequest("参数 " + name + " 应在 " + min + " 到 " + max + " 之间");
            }
            return v;
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("参数 " + name + " 应为整数：" + value);
        }
    }

    public static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("参数 " + name + " 应为整数：" + value);
        }
    }

    public static Boolean optionalFlag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true", "是", "1" -> true;
            case "false", "否", "0" -> false;
            default -> throw DomainException.badRequest("参数 " + name + " 应为 true 或 false：" + value);
        };
    }
}
