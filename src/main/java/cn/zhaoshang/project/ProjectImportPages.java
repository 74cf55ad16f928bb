package cn.zhaoshang.project;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.ImportRejectedException;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.sheet.SheetFormatException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 导入: upload a workbook; all rows are written, or none and every bad cell is listed. */
@Controller
class ProjectImportPages {

    private final ProjectImport projectImport;
    private final ProjectGuards guards;
    private final CurrentUser currentUser;

    ProjectImportPages(ProjectImport projectImport, ProjectGuards guards, CurrentUser currentUser) {
        this.projectImport = projectImport;
        this.guards = guards;
        this.currentUser = currentUser;
    }

    @Permit(Permission.PROJECT_IMPORT)
    @GetMapping("/projects/import")
    String form(Model model) {
        model.addAttribute("help", ImportTemplate.HELP);
        return "project/import";
    }

    @Permit(Permission.PROJECT_IMPORT)
    @PostMapping("/projects/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("help", ImportTemplate.HELP);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "请选择要上传的文件（.xlsx 或 .csv）");
            return "project/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", projectImport.importFile(file.getOriginalFilename(), in, currentUser.username(),
                    guards.forCurrentUser()));
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
        return "project/import";
    }
}
