package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.support.IntegrationTest;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Forms use the import's rules; two people editing one project: the second save is refused, nothing is overwritten. */
class ProjectEditingTest extends IntegrationTest {

    @Autowired
    ProjectEditing editing;

    @Autowired
    Projects projects;

    @BeforeEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void theSecondOfTwoConcurrentSavesIsRefused() {
        String code = editing.create(form("并发项目", "1000"), "alice", DataScope.EVERYTHING, RowGuard.allowAll());
        int version = projects.find(code, DataScope.EVERYTHING).orElseThrow().version();
        editing.update(code, version, form("并发项目", "1100"), "alice", DataScope.EVERYTHING, RowGuard.allowAll());
        assertThatThrownBy(() -> editing.update(code, version, form("并发项目", "1200"), "bob", DataScope.EVERYTHING, RowGuard.allowAll()))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("已被他人修改");
        assertThat(projects.find(code, DataScope.EVERYTHING).orElseThrow().investment()).isEqualByComparingTo("1100");
        assertThat(projects.history(code)).hasSize(2);
        assertThat(projects.history(code).get(0).recordedBy()).isEqualTo("alice");
        assertThat(projects.history(code).get(0).changes()).anySatisfy(c -> {
            assertThat(c.get("field")).isEqualTo("总投资(万元)");
            assertThat(c.get("old")).isEqualTo("1000.00");
            assertThat(c.get("new")).isEqualTo("1100.00");
        });
    }

    @Test
    void aFormWithBadValuesNamesEachFieldAndSavesNothing() {
        Map<ProjectColumn, String> bad = form("", "-1");
        bad.put(ProjectColumn.CONTACTED_ON, "2017-02-30");
        assertThatThrownBy(() -> editing.create(bad, "alice", DataScope.EVERYTHING, RowGuard.allowAll()))
                .isInstanceOfSatisfying(FormRejectedException.class, e -> assertThat(e.byField())
                        .containsKeys("name", "investment", "contactedOn"));
        assertThat(projects.list(ProjectFilter.firstPage(), DataScope.EVERYTHING).total()).isZero();
    }

    @Test
    void aProjectOutsideTheScopeIsNotFound() {
        String code = editing.create(form("闽侯项目", "5"), "alice", DataScope.EVERYTHING, RowGuard.allowAll());
        DataScope changle = new DataScope("350112", "350112", null);
        assertThat(projects.find(code, changle)).isEmpty();
        assertThat(projects.find(code, new DataScope("350100", "350199", null))).isPresent();
    }

    private static Map<ProjectColumn, String> form(String name, String investment) {
        Map<ProjectColumn, String> m = new EnumMap<>(ProjectColumn.class);
        m.put(ProjectColumn.NAME, name);
        m.put(ProjectColumn.REGION, "350121");
        m.put(ProjectColumn.INVESTMENT, investment);
        m.put(ProjectColumn.CONTACTED_ON, "2017-04-01");
        return m;
    }
}
