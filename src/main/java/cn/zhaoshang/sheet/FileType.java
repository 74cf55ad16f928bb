package cn.zhaoshang.sheet;

import java.util.Locale;

/** What an upload is, from its name and its first bytes together. */
enum FileType {
    XLSX, CSV;

    static final String UNSUPPORTED = "只支持 .xlsx 或 .csv 文件";
    static final String CORRUPT_XLSX = "无法读取 Excel 文件：文件已损坏或不是 .xlsx 格式";
    static final String OLD_EXCEL = "不支持旧版 .xls 或加密的 Excel 文件，请在 Excel 中另存为 .xlsx（不设密码）后上传";

    /** Checks the name before any byte is read; answers the lower-case extension. */
    static String supportedExtension(String fileName) {
        String extension = extension(fileName);
        if (!extension.equals("xlsx") && !extension.equals("csv") && !extension.equals("xls")) {
            throw new SheetFormatException(UNSUPPORTED);
        }
        return extension;
    }

    static FileType of(String fileName, Upload upload) {
        String extension = supportedExtension(fileName);
        boolean zip = upload.startsWith(0x50, 0x4B, 0x03, 0x04);
        // OLE2 compound file: .xls, and also any password-protected .xlsx
        boolean ole2 = upload.startsWith(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
        if (ole2) {
            throw new SheetFormatException(OLD_EXCEL);
        }
        if (upload.size() == 0) {
            throw new SheetFormatException("文件没有表头行");
        }
        if (zip) {
            return XLSX; // content wins: a workbook renamed to .csv or .xls is still a workbook
        }
        if (extension.equals("xls")) {
            throw new SheetFormatException(OLD_EXCEL);
        }
        if (extension.equals("xlsx")) {
            throw new SheetFormatException(CORRUPT_XLSX);
        }
        return CSV;
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = Text.trim(fileName);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
