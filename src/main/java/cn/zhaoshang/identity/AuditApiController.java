package cn.zhaoshang.identity;

import cn.zhaoshang.common.Params;
import cn.zhaoshang.audit.AuditQuery;
import cn.zhaoshang.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The trail, for auditors: search, and a check of the whole hash chain. */
@RestController
@RequestMapping("/api/v1/audit")
@Permit(Permission.AUDIT_READ)
class AuditApiController {

    private final AuditQuery query;
    private final AuditTrail trail;

    AuditApiController(AuditQuery query, AuditTrail trail) {
        this.query = query;
        this.trail = trail;
    }

    @GetMapping
    Map<String, Object> search(@RequestParam(required = false) String user, @RequestParam(required = false) String objectType,
                               @RequestParam(required = false) String objectId, @RequestParam(required = false) String action,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        AuditQuery.Result r = query.search(new AuditQuery.Filter(user, objectType, objectId, action,
                from == null || from.isBlank() ? null : Params.date("from", from),
                to == null || to.isBlank() ? null : Params.date("to", to),
                Params.integer("page", page, 0, 0, 1_000_000), Params.integer("size", size, 50, 1, 500)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", r.rows());
        body.put("total", r.total());
        return body;
    }

    @GetMapping("/verify")
    AuditTrail.Verification verify() {
        return trail.verify();
    }
}
