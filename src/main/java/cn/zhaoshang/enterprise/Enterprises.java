package cn.zhaoshang.enterprise;

import cn.zhaoshang.common.SearchText;
import cn.zhaoshang.common.DomainException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Enterprises are matched by credit code, else by name or alias, and created when new. */
@Component
public class Enterprises {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Enterprises(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private record Row(long id, String code, String name) {
    }

    /** Ids for every reference, creating enterprises that are new; a new name for a known code becomes an alias. */
    @Transactional
    public Map<EnterpriseRef, Long> resolve(Collection<EnterpriseRef> refs) {
        Resolution r = plan(refs);
        template.execute((ConnectionCallback<Void>) c -> {
            r.write(c);
            return null;
        });
        return r.ids();
    }

    /**
     * Ids for every reference, new enterprises' ids drawn but not yet written: the caller's transaction must run
     * {@link Resolution#write} before it writes a row that names one (an import runs it on its writing thread, while it
     * prepares its first rows).
     */
    public Resolution plan(Collection<EnterpriseRef> refs) {
        List<String> codes = refs.stream().map(EnterpriseRef::creditCode).filter(c -> c != null).distinct().toList();
        List<String> names = refs.stream().map(EnterpriseRef::name).filter(n -> n != null).distinct().toList();
        Map<String, Row> byCode = new HashMap<>();
        Map<String, Row> byName = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("select id, credit_code, name from enterprise where credit_code = any(?)")
                    .param(codes.toArray(String[]::new))
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list()
                    .forEach(r -> byCode.put(r.code(), r));
        }
        if (!names.isEmpty()) {
            jdbc.sql("""
                    select e.id, e.credit_code, e.name, e.name as key from enterprise e where e.name = any(?)
                    union all
                    select e.id, e.credit_code, e.name, a.alias from enterprise_alias a join enterprise e on e.id = a.enterprise_id
                    where a.alias = any(?)
                    order by 1""")
                    .params(names.toArray(String[]::new), names.toArray(String[]::new))
                    .query((rs, n) -> Map.entry(rs.getString(4), new Row(rs.getLong(1), rs.getString(2), rs.getString(3)))).list()
                    .forEach(e -> byName.putIfAbsent(e.getKey(), e.getValue()));
        }
        // new enterprises get a temporary negative id until their ids are drawn, in one statement (a large import names
        // tens of thousands); code updates and aliases keep their original order, so the outcome is the same
        Map<EnterpriseRef, Long> ids = new LinkedHashMap<>();
        List<Row> created = new ArrayList<>();
        List<Object[]> codeUpdates = new ArrayList<>();
        List<Object[]> aliases = new ArrayList<>();
        for (EnterpriseRef ref : refs) {
            if (ref.isEmpty() || ids.containsKey(ref)) {
                continue;
            }
            Row row = ref.creditCode() != null ? byCode.get(ref.creditCode()) : null;
            if (row == null && ref.name() != null) {
                Row named = byName.get(ref.name());
                // a name match counts only if it does not already carry a different code
                if (named != null && (ref.creditCode() == null || named.code() == null)) {
                    row = named;
                    if (ref.creditCode() != null) {
                        codeUpdates.add(new Object[]{ref.creditCode(), row.id()});
                        row = new Row(row.id(), ref.creditCode(), row.name());
                        byCode.put(ref.creditCode(), row);
                    }
                }
            }
            if (row == null) {
                String name = ref.name() != null ? ref.name() : "统一社会信用代码 " + ref.creditCode();
                row = new Row(-(created.size() + 1L), ref.creditCode(), name);
                created.add(row);
                if (ref.creditCode() != null) {
                    byCode.put(ref.creditCode(), row);
                }
                byName.putIfAbsent(name, row);
            } else if (ref.name() != null && !ref.name().equals(row.name()) && !byName.containsKey(ref.name())) {
                aliases.add(new Object[]{row.id(), ref.name()});
                byName.put(ref.name(), row);
            }
            ids.put(ref, row.id());
        }
        List<Row> news = created;
        if (!created.isEmpty()) {
            List<Long> real = jdbc.sql("select nextval('enterprise_id_seq') from generate_series(1, ?)").param(created.size())
                    .query(Long.class).list();
            ids.replaceAll((ref, id) -> id < 0 ? real.get((int) (-id - 1)) : id);
            for (Object[] op : codeUpdates) {
                op[1] = (Long) op[1] < 0 ? real.get((int) (-(Long) op[1] - 1)) : op[1];
            }
            for (Object[] op : aliases) {
                op[0] = (Long) op[0] < 0 ? real.get((int) (-(Long) op[0] - 1)) : op[0];
            }
            news = new ArrayList<>(created.size());
            for (Row r : created) {
                news.add(new Row(real.get((int) (-r.id() - 1)), r.code(), r.name()));
            }
        }
        return new Resolution(ids, news, codeUpdates, aliases);
    }

    /** What {@link #plan} found: the ids, and the rows still to write. */
    public static final class Resolution {
        private final Map<EnterpriseRef, Long> ids;
        private final List<Row> created;
        private final List<Object[]> codeUpdates;
        private final List<Object[]> aliases;

        private Resolution(Map<EnterpriseRef, Long> ids, List<Row> created, List<Object[]> codeUpdates, List<Object[]> aliases) {
            this.ids = ids;
            this.created = created;
            this.codeUpdates = codeUpdates;
            this.aliases = aliases;
        }

        public Map<EnterpriseRef, Long> ids() {
            return ids;
        }

        /** Writes the new enterprises, then the codes and aliases learnt, on the transaction's connection. */
        public void write(Connection c) throws SQLException {
            if (!created.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into enterprise (id, credit_code, name) select * from unnest(?::bigint[], ?::text[], ?::text[])")) {
                    ps.setArray(1, c.createArrayOf("int8", created.stream().map(Row::id).toArray()));
                    ps.setArray(2, c.createArrayOf("text", created.stream().map(Row::code).toArray()));
                    ps.setArray(3, c.createArrayOf("text", created.stream().map(Row::name).toArray()));
                    ps.executeUpdate();
                }
            }
            batch(c, "update enterprise set credit_code = ?, version = version + 1 where id = ?", codeUpdates);
            batch(c, "insert into enterprise_alias (enterprise_id, alias) values (?, ?) on conflict do nothing", aliases);
        }

        private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    public Optional<Enterprise> find(long id) {
        return jdbc.sql("select id, credit_code, name, version from enterprise where id = ?").param(id)
                .query((rs, n) -> new Enterprise(rs.getLong(1), rs.getString(2), rs.getString(3), aliases(id), rs.getInt(4)))
                .optional();
    }

    public List<String> aliases(long id) {
        return jdbc.sql("select alias from enterprise_alias where enterprise_id = ? order by alias").param(id).query(String.class).list();
    }

    public record Listed(long id, String creditCode, String name, String aliases, long projects) {
    }

    /**
     * Enterprises whose name, an alias or (for a text of letters and digits) the credit code contains {@code q}, by name.
     * Names and aliases are found through V10's name pieces, as the project search does: a one-character search of a
     * province's 80,000 enterprises read them all with {@code like} (1.8 s), and now reads those holding the character.
     */
    public List<Listed> search(String q, int limit, int offset) {
        String text = SearchText.of(q);
        if (text == null) {
            return jdbc.sql(LISTED + " order by e.name limit :limit offset :offset")
                    .param("limit", limit).param("offset", offset).query(LISTED_ROW).list();
        }
        String like = SearchText.containing(text);
        String code = text.matches("[0-9A-Za-z]+") ? "%" + text.toUpperCase(Locale.ROOT) + "%" : null;
        return jdbc.sql(LISTED + " where e.id in (\n" + SearchText.ENTERPRISE_IDS + """

                    union
                    select a.enterprise_id from enterprise_alias a
                    where name_pieces(a.alias) @> search_pieces(cast(:text as text)) and a.alias like :q
                    union
                    select c.id from enterprise c where cast(:code as text) is not null and c.credit_code like :code)
                order by e.name limit :limit offset :offset""")
                .param("text", text).param("q", like).param("code", code).param("limit", limit).param("offset", offset)
                .query(LISTED_ROW).list();
    }

    private static final String LISTED = """
            select e.id, e.credit_code, e.name,
                   (select string_agg(alias, '、' order by alias) from enterprise_alias a where a.enterprise_id = e.id),
                   (select count(*) from project p where p.investor_id = e.id)
            from enterprise e""";

    private static final org.springframework.jdbc.core.RowMapper<Listed> LISTED_ROW = (rs, n) ->
            new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));

    @Transactional
    public void update(long id, String name, String creditCode, List<String> aliases, int version) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw DomainException.badRequest("企业名称不能为空");
        }
        String code = creditCode == null || creditCode.isBlank() ? null : creditCode.trim().toUpperCase();
        if (code != null && jdbc.sql("select count(*) from enterprise where credit_code = ? and id <> ?").params(code, id)
                .query(Long.class).single() > 0) {
            throw DomainException.badRequest("统一社会信用代码 " + code + " 已属于另一家企业");
        }
        if (jdbc.sql("update enterprise set name = ?, credit_code = ?, version = version + 1 where id = ? and version = ?")
                .params(trimmed, code, id, version).update() == 0) {
            throw DomainException.conflict("该企业已被他人修改，请刷新后重试");
        }
        jdbc.sql("delete from enterprise_alias where enterprise_id = ?").param(id).update();
        List<String> clean = new ArrayList<>();
        for (String a : aliases) {
            String t = a.trim();
            if (!t.isEmpty() && !t.equals(trimmed) && !clean.contains(t)) {
                clean.add(t);
            }
        }
        for (String a : clean) {
            if (jdbc.sql("insert into enterprise_alias (enterprise_id, alias) values (?, ?) on conflict (alias) do nothing")
                    .params(id, a).update() == 0) {
                throw DomainException.badRequest("别名“" + a + "”已属于另一家企业");
            }
        }
    }
}
