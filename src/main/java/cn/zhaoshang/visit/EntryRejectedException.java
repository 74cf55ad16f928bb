package cn.zhaoshang.visit;

import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** A visit form with bad values: the messages by field, to show beside each input (the API gets them joined). */
class EntryRejectedException extends DomainException {

    private final Map<String, String> byField;

    EntryRejectedException(Map<String, String> byField) {
        super(HttpStatus.BAD_REQUEST, byField.values().stream().collect(Collectors.joining("；")));
        this.byField = Map.copyOf(byField);
    }

    /** Cell errors named by column header, mapped to form fields; {@code prefix} marks the lead's project columns. */
    static EntryRejectedException of(List<CellError> errors, Map<String, String> fieldByHeader, String prefix) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (CellError e : errors) {
            String field = fieldByHeader.getOrDefault(e.column(), prefix + e.column());
            byField.putIfAbsent(field, e.column() + "：" + e.message());
        }
        return new EntryRejectedException(byField);
    }

    Map<String, String> byField() {
        return byField;
    }
}
