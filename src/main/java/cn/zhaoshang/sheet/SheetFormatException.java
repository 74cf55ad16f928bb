package cn.zhaoshang.sheet;

import cn.zhaoshang.common.DomainException;
import org.springframework.http.HttpStatus;

/**
 * A file that cannot be read at all: not .xlsx/.csv, corrupt, no header row, duplicate header, too big.
 * The message is Chinese and shown to the user as is; it never carries a stack trace or a library's text.
 */
public class SheetFormatException extends DomainException {

    public SheetFormatException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }

    SheetFormatException(String message, Throwable cause) {
        this(message);
        initCause(cause);
    }
}
