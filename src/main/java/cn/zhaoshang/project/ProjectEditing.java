package cn.zhaoshang.project;

import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.common.DomainException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and editing one project through a form or the API, with the import's rules and optimistic locking. */
@Service
public class ProjectEditing {

    private final ProjectValidator validator;
    private final ProjectStore store;
    private final Projects projects;
    private final Clock clock;

    ProjectEditing(ProjectValidator validator, ProjectStore store, Projects projects, Clock clock) {
        this.validator = validator;
        this.store = store;
        this.projects = projects;
        this.clock = clock;
    }

    /** Creates a project; returns its code (assigned when the form left it empty). */
    @Transactional
    public String create(Map<ProjectColumn, String> raw, String actor, DataScope scope, RowGuard guard) {
        ProjectDraft d = validated(raw, guard);
        if (d.code() != null && !store.existingCodes(List.of(d.code())).isEmpty()) {
            throw new FormRejectedException(List.of(new CellError(0, ProjectColumn.CODE.header(), d.code(), "项目编号已被使用")));
        }
        checkParent(d, scope);
        if (d.code() == null) {
            d = d.withCode(store.assignCodes(d.regionCode(), d.dates().contactedOn().getYear(), 1, Set.of()).get(0));
        }
        store.write(List.of(new ProjectStore.Write(d, null, 0, "CREATE")), actor, clock.instant());
        return d.code();
    }

    /** Saves a project read at {@code version}; refused when someone saved it in between. */
    @Transactional
    public void update(String code, int version, Map<ProjectColumn, String> raw, String actor, DataScope scope, RowGuard guard) {
        ProjectView current = projects.find(code, scope).orElseThrow(() -> DomainException.notFound("项目不存在：" + code));
        raw.put(ProjectColumn.CODE, current.code());
        ProjectDraft d = validated(raw, guard);
        checkParent(d, scope);
        ProjectStore.Existing existing = store.findByCodes(List.of(code)).get(code);
        if (existing.version() != version) {
            throw DomainException.conflict("项目已被他人修改（您打开的是第" + version + "版，现在是第" + existing.version()
                    + "版），请刷新后重新编辑；您的修改未保存");
        }
        if (existing.snapshot().equals(d.snapshot())) {
            return;
        }
        store.write(List.of(new ProjectStore.Write(d, existing, version, "UPDATE")), actor, clock.instant());
    }

    private ProjectDraft validated(Map<ProjectColumn, String> raw, RowGuard guard) {
        ProjectValidator.Result r = validator.validate(0, raw);
        if (!r.ok()) {
            throw new FormRejectedException(r.errors());
        }
        guard.check(r.draft()).ifPresent(m -> {
            throw new FormRejectedException(List.of(new CellError(0, ProjectColumn.UNIT.header(), r.draft().unit(), m)));
        });
        return r.draft();
    }

    private void checkParent(ProjectDraft d, DataScope scope) {
        if (d.parentCode() == null) {
            return;
        }
        List<CellError> errors = new ArrayList<>();
        if (projects.find(d.parentCode(), scope).isEmpty()) {
            errors.add(new CellError(0, ProjectColumn.PARENT_CODE.header(), d.parentCode(), "上级项目编号“" + d.parentCode() + "”不存在"));
        } else if (d.code() != null) {
            Map<String, String> parents = store.parentsInLedger(List.of(d.parentCode()));
            String at = d.parentCode();
            while (at != null) {
                if (at.equals(d.code())) {
                    errors.add(new CellError(0, ProjectColumn.PARENT_CODE.header(), d.parentCode(), "上级项目造成循环：项目不能是自己的上级"));
                    break;
                }
                at = parents.get(at);
            }
        }
        if (!errors.isEmpty()) {
            throw new FormRejectedException(errors);
        }
    }
}
