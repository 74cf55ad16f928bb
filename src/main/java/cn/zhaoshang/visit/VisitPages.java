package cn.zhaoshang.visit;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.ImportRejectedException;
import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.report.ReportPeriod;
import cn.zhaoshang.report.ReportRequests;
import cn.zhaoshang.sheet.SheetFormatException;
import cn.zhaoshang.web.Pages;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 走访: the visits report with the funnel and repeat visits, and the visits import. */
@Controller
class VisitPages {

    private final VisitReport report;
    private final Funnel funnel;
    private final ReportRequests requests;
    private final VisitDefaults defaults;
    private final VisitImport visitImport;
    private final Regions regions;
    private final Actors actors;

    VisitPages(VisitReport report, Funnel funnel, ReportRequests requests, VisitDefaults defaults, VisitImport visitImport,
               Regions regions, Actors actors) {
        this.report = report;
        this.funnel = funnel;
        this.requests = requests;
        this.defaults = defaults;
        this.visitImport = visitImport;
        this.regions = regions;
        this.actors = actors;
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits")
    String report(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, Model model) {
        VisitQuery q = defaults.query(region, from, to, actors.current());
        model.addAttribute("q", q);
        model.addAttribute("ranges", defaults.ranges(q));
        model.addAttribute("regions", Pages.fujian(regions));
        try {
            ReportPeriod period = requests.period(q.region(), q.from(), q.to());
            model.addAttribute("period", period);
            model.addAttribute("figures", report.report(period));
            model.addAttribute("funnel", funnel.byTeam(period));
            model.addAttribute("repeats", funnel.repeatVisits(period));
        } catch (DomainException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "visit/index";
    }

    @Permit(Permission.VISIT_IMPORT)
    @GetMapping("/visits/import")
    String importForm(Model model) {
        model.addAttribute("columns", VisitColumn.values());
        return "visit/import";
    }

    @Permit(Permission.VISIT_IMPORT)
    @PostMapping("/visits/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("columns", VisitColumn.values());
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "请选择要上传的文件（.xlsx 或 .csv）");
            return "visit/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", visitImport.importFile(file.getOriginalFilename(), in, actors.current()));
        } catch (ImportRejectedException e) {
            model.addAttribute("errors", e.errors());
        } catch (SheetFormatException e) {
            model.addAttribute("problem", e.getMessage());
        } catch (DomainException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            model.addAttribute("problem", e.getMessage());
        }
        return "visit/import";
    }
}
