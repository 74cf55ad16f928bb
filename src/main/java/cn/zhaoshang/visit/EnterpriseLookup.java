package cn.zhaoshang.visit;

import cn.zhaoshang.common.SearchText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finding a company while typing on a phone: by part of its name or an alias, by the start of its credit code, or by
 * the pinyin initials of any part of its name (qhkj finds 北京奇虎科技有限公司). Initials are kept in enterprise_pinyin, brought up to date
 * with the names before a lookup ({@link #sync}): a new enterprise at once, renames and new aliases within a few seconds.
 */
@Component
class EnterpriseLookup {

    static final Duration SYNC_EVERY = Duration.ofSeconds(5);
    private static final Pattern INITIALS = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{4,18}");

    record Found(long id, String name, String creditCode, String alias) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final AtomicReference<Instant> lastSync = new AtomicReference<>(Instant.MIN);
    /** V22's sequence as the last lookup read it. */
    private final AtomicLong syncedChanges = new AtomicLong(-1);

    EnterpriseLookup(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    List<Found> find(String query, int limit) {
        String q = SearchText.of(query);
        if (q == null) {
            return List.of();
        }
        sync(false);
        String upper = q.toUpperCase(Locale.ROOT);
        String initials = INITIALS.matcher(q).matches() ? q.toLowerCase(Locale.ROOT) : null;
        String code = CODE.matcher(upper).matches() ? upper : null;
        return jdbc.sql("""
                with hits as (
                    select e.id, null::text as alias, 0 as rank from enterprise e where e.name like :like
                    union all
                    select a.enterprise_id, a.alias, 1 from enterprise_alias a where a.alias like :like
                    union all
                    select e.id, null, 2 from enterprise e where cast(:code as text) is not null and e.credit_code like :code || '%'
                    union all
                    select k.enterprise_id, nullif(k.name, e.name), 3 from enterprise_pinyin k join enterprise e on e.id = k.enterprise_id
                    where cast(:initials as text) is not null and k.initials like '%' || :initials || '%')
                select e.id, e.name, e.credit_code, min(h.alias) as alias
                from hits h join enterprise e on e.id = h.id
                group by e.id, e.name, e.credit_code
                order by min(h.rank), length(e.name), e.name
                limit :limit""")
                .param("like", SearchText.containing(q)).param("code", code).param("initials", initials).param("limit", limit)
                .query((rs, n) -> new Found(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Brings the initials up to date with the names. Every {@link #SYNC_EVERY} (or when {@code force}), all of them: new
     * names and aliases get theirs and those of names no longer used go, one scan of every enterprise (1.2 s at 752,817
     * enterprises). In between, only when a statement changed names since the last look (V22's sequence), the
     * enterprises newer than any that has initials, with their aliases, through the primary key: a company recorded a
     * moment ago is found at once, a renamed one or a new alias within the pause. One full sync at a time: a lookup that
     * finds another running does not wait for it.
     */
    void sync(boolean force) {
        Instant now = clock.instant();
        Instant last = lastSync.get();
        long changes = jdbc.sql("select last_value from enterprise_name_changes").query(Long.class).single();
        long seen = syncedChanges.getAndSet(changes);
        if (force || !last.plus(SYNC_EVERY).isAfter(now)) {
            if (lastSync.compareAndSet(last, now)) {
                syncAll();
            }
        } else if (changes != seen) {
            add(jdbc.sql("""
                    with newest as (select coalesce(max(enterprise_id), 0) as id from enterprise_pinyin)
                    select e.id, e.name from enterprise e where e.id > (select id from newest)
                    union
                    select a.enterprise_id, a.alias from enterprise_alias a where a.enterprise_id > (select id from newest)""")
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        }
    }

    private void syncAll() {
        add(jdbc.sql("""
                select n.id, n.name from (select id, name from enterprise union select enterprise_id, alias from enterprise_alias) n
                where not exists (select 1 from enterprise_pinyin k where k.enterprise_id = n.id and k.name = n.name)""")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        jdbc.sql("""
                delete from enterprise_pinyin k where not exists (select 1 from enterprise e where e.id = k.enterprise_id and e.name = k.name)
                  and not exists (select 1 from enterprise_alias a where a.enterprise_id = k.enterprise_id and a.alias = k.name)""")
                .update();
    }

    private void add(List<Map.Entry<Long, String>> names) {
        if (!names.isEmpty()) {
            template.batchUpdate("insert into enterprise_pinyin (enterprise_id, name, initials) values (?, ?, ?) on conflict do nothing",
                    names.stream().map(m -> new Object[]{m.getKey(), m.getValue(), Pinyin.initials(m.getValue())}).toList());
        }
    }
}
