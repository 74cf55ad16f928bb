package cn.zhaoshang.project;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.Params;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CONTRACT.md §3: import, list and read projects. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectApiController {

    private final ProjectImport projectImport;
    private final Projects projects;
    private final CurrentUser currentUser;
    private final ImportTemplate template;
    private final ProjectGuards guards;

    ProjectApiController(ProjectImport projectImport, Projects projects, CurrentUser currentUser, ImportTemplate template,
                         ProjectGuards guards) {
        this.projectImport = projectImport;
        this.projects = projects;
        this.currentUser = currentUser;
        this.template = template;
        this.guards = guards;
    }

    @Permit(Permission.PROJECT_IMPORT)
    @PostMapping("/import")
    Map<String, Object> importFile(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.badRequest("请上传文件（表单字段 file）：.xlsx 或 .csv");
        }
        try (InputStream in = file.getInputStream()) {
            ImportResult r = projectImport.importFile(file.getOriginalFilename(), in, currentUser.username(), guards.forCurrentUser());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("created", r.created());
            body.put("updated", r.updated());
            body.put("unchanged", r.unchanged());
            body.put("rows", r.rows());
            body.put("batch", r.batchId());
            return body;
        }
    }

    @Permit(Permission.PROJECT_READ)
    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
                             @RequestParam(required = false) String q, @RequestParam(required = false) String stage,
                             @RequestParam(required = false) String unit, @RequestParam(required = false) String chain,
                             @RequestParam(required = false) String region, @RequestParam(required = false) String key,
                             @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        Stage s = stage == null || stage.isBlank() ? null
                : Stage.parse(stage).orElseThrow(() -> DomainException.badRequest("参数 stage 不是有效阶段：" + stage));
        ProjectFilter f = new ProjectFilter(q, s, Params.optionalLong("unit", unit), Params.optionalLong("chain", chain), region,
                Params.optionalFlag("key", key), sort, "asc".equalsIgnoreCase(dir),
                Params.integer("page", page, 0, 0, 1_000_000), Params.integer("size", size, 20, 1, 500));
        Page<ProjectView> p = projects.list(f, currentUser.scope());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", p.items());
        body.put("total", p.total());
        body.put("page", p.page());
        body.put("size", p.size());
        return body;
    }

    @Permit(Permission.PROJECT_READ)
    @GetMapping("/{code}")
    ProjectView one(@PathVariable String code) {
        return projects.find(code, currentUser.scope()).orElseThrow(() -> DomainException.notFound("项目不存在：" + code));
    }

    @Permit(Permission.PROJECT_IMPORT)
    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() throws IOException {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(
                        "项目导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(template.workbook());
    }
}
