package cn.zhaoshang.visit;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.report.ReportRequests;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CONTRACT.md §5: the visits import and the visits report. */
@RestController
class VisitApiController {

    private final VisitImport visitImport;
    private final VisitReport report;
    private final ReportRequests requests;
    private final Actors actors;

    VisitApiController(VisitImport visitImport, VisitReport report, ReportRequests requests, Actors actors) {
        this.visitImport = visitImport;
        this.report = report;
        this.requests = requests;
        this.actors = actors;
    }

    @Permit(Permission.VISIT_IMPORT)
    @PostMapping("/api/v1/visits/import")
    Map<String, Object> importFile(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.badRequest("请上传文件（表单字段 file）：.xlsx 或 .csv");
        }
        try (InputStream in = file.getInputStream()) {
            VisitImportResult r = visitImport.importFile(file.getOriginalFilename(), in, actors.current());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("created", r.created());
            body.put("updated", r.updated());
            body.put("unchanged", r.unchanged());
            body.put("rows", r.rows());
            body.put("batch", r.batch());
            return body;
        }
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/api/v1/reports/visits")
    ResponseEntity<byte[]> report(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report.json(requests.period(region, from, to)).bytes());
    }
}
