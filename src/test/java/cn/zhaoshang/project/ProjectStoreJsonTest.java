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

        List<Map<String, String>> changes = ProjectStore.diff(Map.of(), snapshot);
        assertThat(json.readValue(ProjectStore.changesJson(changes), new TypeReference<List<Map<String, String>>>() {
        })).isEqualTo(changes);
        assertThat(ProjectStore.changesJson(List.of())).isEqualTo("[]");
    }
}
