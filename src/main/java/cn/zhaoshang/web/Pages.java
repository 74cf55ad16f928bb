package cn.zhaoshang.web;

import cn.zhaoshang.common.Money;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the page controllers of every module share: htmx partial requests, URLs that keep a page's filters, pagers,
 * and the formatting the templates call as {@code @fmt}. It depends on nothing but common and region, so every
 * module's pages may use it without a cycle.
 */
public final class Pages {

    public static final String FUJIAN = "350000";

    private Pages() {
    }

    /** An htmx request for a fragment; a history restore (cache miss after 后退) needs the whole page. */
    public static boolean partial(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** A path with its query, leaving out empty parameters; values are encoded. */
    public static String url(String path, Map<String, ?> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                b.queryParam(k, v.toString());
            }
        });
        return b.encode().build().toUriString();
    }

    /** Whether the current user holds a permission (its code, e.g. {@code report:read}); pages leave out what they may not use. */
    public static boolean can(String authority) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> authority.equals(g.getAuthority()));
    }

    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** One entry of a pager: a page number, 上一页/下一页, or a gap. */
    public record Link(String label, String url, boolean active, boolean disabled) {
    }

    /** Page links for 0-based {@code page} of {@code pages}: first, last and a window around the current one. */
    public static List<Link> pager(int page, int pages, IntFunction<String> url) {
        List<Link> links = new ArrayList<>();
        if (pages <= 1) {
            return links;
        }
        links.add(new Link("上一页", page > 0 ? url.apply(page - 1) : null, false, page == 0));
        int from = Math.max(0, page - 3);
        int to = Math.min(pages - 1, page + 3);
        if (from > 0) {
            links.add(new Link("1", url.apply(0), false, false));
            if (from > 1) {
                links.add(new Link("…", null, false, true));
            }
        }
        for (int i = from; i <= to; i++) {
            links.add(new Link(String.valueOf(i + 1), url.apply(i), i == page, false));
        }
        if (to < pages - 1) {
            if (to < pages - 2) {
                links.add(new Link("…", null, false, true));
            }
            links.add(new Link(String.valueOf(pages), url.apply(pages - 1), false, false));
        }
        links.add(new Link("下一页", page < pages - 1 ? url.apply(page + 1) : null, false, page >= pages - 1));
        return links;
    }

    /** Fujian's regions for region pickers: the province, each prefecture, then its counties. */
    public static List<Region> fujian(Regions regions) {
        List<Region> list = new ArrayList<>();
        regions.resolve(FUJIAN).ifPresent(list::add);
        for (Region prefecture : regions.children(FUJIAN)) {
            list.add(prefecture);
            list.addAll(regions.children(prefecture.code()));
        }
        return list;
    }

    /** Formatting for templates: {@code ${@fmt.wan(p.investment)}}. */
    @Component("fmt")
    public static class Format {

        private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        /** 万元 with thousands separators; a dash for an amount not given. */
        public String wan(BigDecimal amount) {
            return amount == null ? "—" : Money.wan(amount);
        }

        /** 亿元 with at most two decimals. */
        public String yi(BigDecimal amount) {
            return Money.yi(amount);
        }

        public String date(LocalDate date) {
            return date == null ? "—" : date.toString();
        }

        public String chineseDate(LocalDate d) {
            return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }

        public String time(Instant at) {
            return at == null ? "—" : TIME.format(at.atZone(CHINA));
        }

        public String text(String s) {
            return s == null || s.isBlank() ? "—" : s;
        }

        public String flag(boolean b) {
            return b ? "是" : "否";
        }

        /** An amount as a form shows it for editing: plain digits, no separators, no trailing zeros. */
        public String plain(BigDecimal amount) {
            if (amount == null) {
                return "";
            }
            BigDecimal v = Money.scale2(amount).stripTrailingZeros();
            return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
        }
    }
}
