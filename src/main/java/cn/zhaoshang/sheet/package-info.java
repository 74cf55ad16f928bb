/**
 * Reading uploaded tables (.xlsx first sheet, .csv in UTF-8 or GB18030) into header-keyed rows, and
 * parsing their cells (dates, amounts, 是/否 flags, unified social credit codes) with Chinese messages.
 *
 * <p>Used by the project and visit imports. {@link cn.zhaoshang.sheet.SheetReader} decides what a file
 * is and how big it may be; {@link cn.zhaoshang.sheet.Cells} says what is wrong with one cell, the
 * caller adds row and column. Everything else in this package is internal.
 */
package cn.zhaoshang.sheet;
