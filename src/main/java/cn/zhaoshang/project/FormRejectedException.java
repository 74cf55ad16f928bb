package cn.zhaoshang.project;

import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.DomainException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** A project form with bad values: the messages by column header, to show beside each field. */
public class FormRejectedException extends DomainException {

    private final List<CellError> errors;

    public FormRejectedException(List<CellError> errors) {
        super(HttpStatus.BAD_REQUEST, errors.stream().map(e -> e.column() + "：" + e.message()).collect(Collectors.joining("；")));
        this.errors = List.copyOf(errors);
    }

    public List<CellError> errors() {
        return errors;
    }

    /** The first message for each field (by its English name). */
    public Map<String, String> byField() {
        return errors.stream().collect(Collectors.toMap(
                e -> ProjectColumn.byHeader(e.column()).map(ProjectColumn::field).orElse(e.column()),
                CellError::message, (a, b) -> a));
    }
}
