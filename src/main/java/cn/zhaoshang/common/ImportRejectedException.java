package cn.zhaoshang.common;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An import with at least one bad cell: nothing was written; every bad cell is listed. */
public class ImportRejectedException extends DomainException {

    private final List<CellError> errors;

    public ImportRejectedException(List<CellError> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "文件中有 " + errors.size() + " 处错误，未导入任何数据");
        this.errors = List.copyOf(errors);
    }

    public List<CellError> errors() {
        return errors;
    }
}
