package cn.zhaoshang.generate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar zhaoshang.jar generate …}: fills the configured database with a generated ledger and exits, without
 * opening a port. See {@link GenerateOptions#USAGE}; {@code generate --xlsx FILE --rows N} writes an import workbook
 * instead and needs no database.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    /** Whether the command line asks for this command rather than the web application. */
    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals("generate");
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed, 2 bad arguments or refused). */
    public static int run(String[] args) {
        GenerateOptions o;
        try {
            o = GenerateOptions.parse(args);
        } catch (GenerateOptions.UsageException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.println();
            System.err.print(GenerateOptions.USAGE);
            return 2;
        }
        if (o.help()) {
            System.out.print(GenerateOptions.USAGE);
            return 0;
        }
        try {
            if (o.xlsx() != null) {
                long t0 = System.nanoTime();
                int rows = o.visits() > 0 ? VisitXlsxExport.write(o) : XlsxExport.write(o);
                System.out.printf("generate: 已写入 %s：%d 行（%.1f 秒）%n", o.xlsx(), rows, (System.nanoTime() - t0) / 1e9);
                return 0;
            }
            SpringApplication app = new SpringApplication(GenerateContext.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            try (ConfigurableApplicationContext context = app.run(o.springArgs().toArray(String[]::new))) {
                LedgerGenerator.Outcome r = context.getBean(LedgerGenerator.class).generate(o);
                System.out.printf("generate: 已写入 %d 个县级区划的 %d 个项目、%d 家企业、%d 个责任单位、%d 个签约活动"
                                + "、%d 支招商小分队、%d 个外出批次、%d 条走访记录（%.1f 秒）%n", r.counties(), r.projects(), r.enterprises(),
                        r.units(), r.events(), r.teams(), r.batches(), r.visits(), r.millis() / 1000.0);
            }
            return 0;
        } catch (LedgerGenerator.Refused | GenerateOptions.UsageException e) {
            System.err.println("generate: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("generate: 失败：" + e);
            e.printStackTrace();
            return 1;
        }
    }
}
