package cn.zhaoshang.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code java -jar zhaoshang.jar generate …} was asked for. Options take {@code --name value} or {@code --name=value};
 * every other argument ({@code --zhaoshang.data-dir=…}, {@code --spring.datasource.url=…}) is handed on to Spring.
 *
 * @param xlsx    when set, no database is touched: a workbook of {@code rows} valid import rows is written there
 * @param replace     empty the ledger (projects, revisions, enterprises, import log) before generating
 * @param visits      visits and inspections to generate (0: none, and no teams or batches either)
 * @param enterprises at least this many enterprises: companies that invested nowhere fill up what the projects name
 */
record GenerateOptions(String region, int projects, int fromYear, int toYear, long seed, boolean replace, Path xlsx,
                       int rows, long visits, int enterprises, boolean help, List<String> springArgs) {

    static final String USAGE = """
            用法：
              java -jar zhaoshang.jar generate --region 350000 --projects 100000 --years 2015-2024 --seed 42 [--replace]
                  向所配置的数据库（默认内置库 ./data，或 --zhaoshang.data-dir=DIR、--spring.datasource.url=…）写入生成的项目台账后退出
              java -jar zhaoshang.jar generate --xlsx FILE --rows 20000 [--region 350000] [--years 2015-2024] [--seed 42]
                  只写一个可直接导入的项目 .xlsx（不连数据库），供导入基准测试使用
              java -jar zhaoshang.jar generate --xlsx FILE --visits 50000 [--projects N] [--enterprises N] [--region …] [--seed …]
                  只写一个可直接导入的走访 .xlsx（不连数据库；不含关联项目编号，可导入任何库）
            选项：
              --region CODE     行政区划代码（省、市或县），覆盖其下每个县级区划；默认 350000
              --projects N      项目数；默认 100000
              --years A-B       对接年份范围；默认 2015-2024
              --seed S          随机种子，同一种子生成完全相同的数据；默认 42
              --replace         先清空已有的项目、修订记录、企业、导入记录和引用它们的表（如走访）；单位、产业链、签约活动按名称保留
              --visits M        另生成 M 条走访和来访考察记录，连同各县的招商小分队（带队领导、成员、产业链、目标城市和企业）、
                                外出批次和下次跟进；默认 0
              --enterprises N   企业至少 N 家：项目投资方之外，补足从未投资的企业（小分队拜访的多是这些企业）
            """;

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static GenerateOptions parse(String[] args) {
        String region = "350000";
        int projects = 100_000;
        int fromYear = 2015;
        int toYear = 2024;
        long seed = 42;
        boolean replace = false;
        boolean help = false;
        Path xlsx = null;
        Integer rows = null;
        long visits = 0;
        int enterprises = 0;
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i == 0 && a.equals("generate")) {
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--replace" -> replace = true;
                case "--region" -> region = value != null ? value : next(args, ++i, name);
                case "--projects" -> projects = count(value != null ? value : next(args, ++i, name), name, 1, 20_000_000);
                case "--seed" -> seed = longValue(value != null ? value : next(args, ++i, name), name);
                case "--years" -> {
                    String v = value != null ? value : next(args, ++i, name);
                    String[] p = v.split("-");
                    try {
                        fromYear = Integer.parseInt(p[0].trim());
                        toYear = p.length == 1 ? fromYear : Integer.parseInt(p[1].trim());
                    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                        throw new UsageException("--years 应为 2015-2024 这样的年份范围：" + v);
                    }
                    if (p.length > 2 || fromYear < 2000 || toYear > 2100 || toYear < fromYear) {
                        throw new UsageException("--years 应为 2000 至 2100 之间、前小后大的年份范围：" + v);
                    }
                }
                case "--xlsx" -> xlsx = Path.of(value != null ? value : next(args, ++i, name));
                case "--rows" -> rows = count(value != null ? value : next(args, ++i, name), name, 1, 1_000_000);
                case "--visits" -> visits = count(value != null ? value : next(args, ++i, name), name, 0, 50_000_000);
                case "--enterprises" -> enterprises = count(value != null ? value : next(args, ++i, name), name, 0, 1_300_000);
                default -> {
                    if (a.startsWith("--") && eq > 0 && a.substring(2, eq).contains(".")) {
                        spring.add(a); // a Spring property such as --zhaoshang.data-dir=DIR
                    } else {
                        throw new UsageException("无法识别的参数：" + a);
                    }
                }
            }
        }
        if (!region.matches("\\d{6}")) {
            throw new UsageException("--region 应为6位行政区划代码：" + region);
        }
        if (rows != null && xlsx == null) {
            throw new UsageException("--rows 只用于 --xlsx FILE");
        }
        if (xlsx != null && rows != null && visits > 0) {
            throw new UsageException("--xlsx 写项目（--rows N）或走访（--visits N），不能同时写");
        }
        if (xlsx != null && visits > 1_000_000) {
            throw new UsageException("--xlsx 的走访工作簿最多 1000000 行：" + visits);
        }
        if (xlsx != null && !xlsx.toString().toLowerCase().endsWith(".xlsx")) {
            throw new UsageException("--xlsx 的文件名应以 .xlsx 结尾：" + xlsx);
        }
        int ledger = xlsx != null && visits == 0 ? (rows == null ? 20_000 : rows) : projects;
        return new GenerateOptions(region, ledger, fromYear, toYear, seed, replace, xlsx, rows == null ? 20_000 : rows, visits,
                enterprises, help, List.copyOf(spring));
    }

    /** The command line that reproduces this data, for the import log. */
    String describe() {
        return "generate --region " + region + " --projects " + projects + (visits > 0 ? " --visits " + visits : "")
                + (enterprises > 0 ? " --enterprises " + enterprises : "") + " --years " + fromYear + "-" + toYear + " --seed " + seed;
    }

    private static String next(String[] args, int i, String name) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(name + " 缺少取值");
        }
        return args[i];
    }

    private static int count(String v, String name, int min, int max) {
        long n = longValue(v.replace("_", "").replace(",", ""), name);
        if (n < min || n > max) {
            throw new UsageException(name + " 应在 " + min + " 到 " + max + " 之间：" + v);
        }
        return (int) n;
    }

    private static long longValue(String v, String name) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " 应为整数：" + v);
        }
    }
}
