package cn.zhaoshang.platform;

import java.io.IOException;
import java.nio.file.Path;

/** The embedded database's directory belongs to another running Zhaoshang (it holds the directory's lock). */
public class DataDirectoryInUseException extends IOException {

    DataDirectoryInUseException(Path directory) {
        super("数据目录 " + directory + " 正被另一个招商进程使用：请先停止它，或用 --zhaoshang.data-dir 换一个数据目录");
    }
}
