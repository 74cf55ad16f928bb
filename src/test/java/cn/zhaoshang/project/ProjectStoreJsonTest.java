package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written JSON of revisions reads back exactly as what Jackson would have written. */
class ProjectStoreJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void snapshotsAndChangesRoundTrip() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        snapshot.put("项目名称", "华恒\"大数据\"中心\\二期");
        snapshot.put("来源", "tab\there\nnew line\u0001");
        snapshot.put("总投资(万元)", "12000.00");
        snapshot.put("上级项目编号", "");
        String written = ProjectStore.snapshotJson(snapshot);
        assertThat(json.readValue(written, new TypeReference<LinkedHashMap<String, String>>() {
        })).containsExactlyEntriesOf(snapshot);
        assertThat(written).isEqualTo(json.writeValueAsString(snapshot));

        // a create: every field that has a value, from ""
        List<Map<String, String>> created = List.of(change("项目名称", "", "华恒\"大数据\"中心\\二期"),
                change("来源", "", "tab\there\nnew line\u0001"), change("总投资(万元)", "", "12000.00"));
        assertThat(ProjectStore.changesJson(Map.of(), snapshot)).isEqualTo(json.writeValueAsString(created));
        // an update: the fields that differ, with both texts
        Map<String, String> after = new LinkedHashMap<>(snapshot);
        after.put("总投资(万元)", "15000.00");
        after.put("上级项目编号", "350112-2017-0001");
        assertThat(ProjectStore.changesJson(snapshot, after)).isEqualTo(json.writeValueAsString(List.of(
                change("总投资(万元)", "12000.00", "15000.00"), change("上级项目编号", "", "350112-2017-0001"))));
        assertThat(ProjectStore.changesJson(snapshot, snapshot)).isEqualTo("[]");
    }

    private static Map<String, String> change(String field, String old, String now) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("field", field);
        c.put("old", old);
        c.put("new", now);
        return c;
    }
}
