package cn.zhaoshang.generate;

import java.util.Arrays;

/**
 * The visits and inspections of one county as parallel arrays: added in the order they are made (team by team), then
 * {@link #sort sorted} by date and team, the order of their ids. {@code done[i]} is the visit that closed visit i's
 * follow-up (-1: open, or none), {@code project[i]} a local number of {@link CountyProjects} (-1: none).
 */
final class FieldVisits {

    int size;
    int[] day = new int[1024];
    byte[] team = new byte[1024];
    int[] enterprise = new int[1024];
    boolean[] inspection = new boolean[1024];
    int[] batch = new int[1024];
    byte[] city = new byte[1024];
    int[] project = new int[1024];
    int[] followUp = new int[1024];
    int[] done = new int[1024];
    short[] discussion = new short[1024];
    short[] next = new short[1024];
    boolean[] members = new boolean[1024];

    int add(int day, int team, int enterprise, boolean inspection, int batch, int city, int project, short discussion,
            boolean members) {
        if (size == this.day.length) {
            grow(size * 2);
        }
        int i = size++;
        this.day[i] = day;
        this.team[i] = (byte) team;
        this.enterprise[i] = enterprise;
        this.inspection[i] = inspection;
        this.batch[i] = batch;
        this.city[i] = (byte) city;
        this.project[i] = project;
        this.followUp[i] = -1;
        this.done[i] = -1;
        this.discussion[i] = discussion;
        this.next[i] = -1;
        this.members[i] = members;
        return i;
    }

    private void grow(int n) {
        day = Arrays.copyOf(day, n);
        team = Arrays.copyOf(team, n);
        enterprise = Arrays.copyOf(enterprise, n);
        inspection = Arrays.copyOf(inspection, n);
        batch = Arrays.copyOf(batch, n);
        city = Arrays.copyOf(city, n);
        project = Arrays.copyOf(project, n);
        followUp = Arrays.copyOf(followUp, n);
        done = Arrays.copyOf(done, n);
        discussion = Arrays.copyOf(discussion, n);
        next = Arrays.copyOf(next, n);
        members = Arrays.copyOf(members, n);
    }

    /** Orders the visits by date, then team, then the order they were made in; {@code done} follows. */
    void sort() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = (long) day[i] << 40 | (long) (team[i] & 0xFF) << 32 | i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        int[] rank = new int[size];
        for (int k = 0; k < size; k++) {
            order[k] = (int) keys[k];
            rank[order[k]] = k;
        }
        day = permute(day, order);
        enterprise = permute(enterprise, order);
        batch = permute(batch, order);
        project = permute(project, order);
        followUp = permute(followUp, order);
        int[] d = permute(done, order);
        for (int k = 0; k < size; k++) {
            d[k] = d[k] < 0 ? -1 : rank[d[k]];
        }
        done = d;
        byte[] t = new byte[size];
        byte[] c = new byte[size];
        boolean[] in = new boolean[size];
        boolean[] m = new boolean[size];
        short[] di = new short[size];
        short[] ne = new short[size];
        for (int k = 0; k < size; k++) {
            int i = order[k];
            t[k] = team[i];
            c[k] = city[i];
            in[k] = inspection[i];
            m[k] = members[i];
            di[k] = discussion[i];
            ne[k] = next[i];
        }
        team = t;
        city = c;
        inspection = in;
        members = m;
        discussion = di;
        next = ne;
    }

    private int[] permute(int[] a, int[] order) {
        int[] b = new int[size];
        for (int k = 0; k < size; k++) {
            b[k] = a[order[k]];
        }
        return b;
    }
}
