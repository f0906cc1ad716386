package org.ionflux.internal.steady;

import java.util.Arrays;

/**
 * A sparse vector of state indices to coefficients, for the conservation laws' elimination: entries kept in the order
 * they were first added, looked up by a small open-addressing table once there are more than a few. It stands where a
 * {@code HashMap<Integer, Double>} stood, with the same semantics where the laws' code relied on them ({@link #merge}
 * adds to an entry present and puts one absent; an entry set to 0 stays until removed), without boxing. Its iteration
 * order is not a hash map's: callers whose arithmetic depends on an order say which they use.
 */
final class SparseVector {

    /** Up to this many entries a lookup scans them; beyond, a hash table is kept. */
    private static final int SCAN = 8;

    private int[] keys;
    private double[] values;
    /** Entries used in {@link #keys}, removed ones ({@code -1}) included. */
    private int used;
    private int size;
    /**
     * Open addressing, slot + 1 of each key (0: empty); made at the first lookup among more than {@link #SCAN}
     * entries, null before.
     */
    private int[] table;

    SparseVector(int capacity) {
        keys = new int[Math.max(capacity, 2)];
        values = new double[keys.length];
    }

    /** Removes every entry. */
    void clear() {
        used = 0;
        size = 0;
        table = null;
    }

    /** @return the number of entries */
    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** @return the slot of key i, or -1 */
    private int slot(int i) {
        if (table == null && used > SCAN) {
            // made at the first lookup: vectors only appended to and read in order never need it
            rehash();
        }
        if (table == null) {
            for (int s = 0; s < used; s++) {
                if (keys[s] == i) {
                    return s;
                }
            }
            return -1;
        }
        int mask = table.length - 1;
        for (int h = hash(i) & mask; ; h = (h + 1) & mask) {
            int e = table[h];
            if (e == 0) {
                return -1;
            }
            if (keys[e - 1] == i) {
                return e - 1;
            }
        }
    }

    private static int hash(int i) {
        return i * 0x9E3779B9 >>> 7;
    }

    /** @return true if key i has an entry */
    boolean contains(int i) {
        return slot(i) >= 0;
    }

    /** @return the value of key i (which must have an entry) */
    double get(int i) {
        return values[slot(i)];
    }

    /** @return the value of key i, or {@code absent} */
    double get(int i, double absent) {
        int s = slot(i);
        return s >= 0 ? values[s] : absent;
    }

    /** Appends an entry for key i, which has none. */
    void append(int i, double v) {
        if (used == keys.length) {
            compactOrGrow();
        }
        keys[used] = i;
        values[used] = v;
        used++;
        size++;
        if (table != null) {
            if (2 * used > table.length) {
                rehash();
            } else {
                insert(used - 1);
            }
        }
    }

    /** {@code HashMap.merge(i, v, Double::sum)}: adds v to key i's entry, or makes one of v. */
    void merge(int i, double v) {
        int s = slot(i);
        if (s >= 0) {
            values[s] = values[s] + v;
        } else {
            append(i, v);
        }
    }

    /** Removes key i's entry, if any. */
    void remove(int i) {
        int s = slot(i);
        if (s >= 0) {
            keys[s] = -1;
            size--;
        }
    }

    /** @return the key of slot s, or -1 for a removed entry; slots run from 0 to {@link #slots()} */
    int key(int s) {
        return keys[s];
    }

    /** @return the value of slot s */
    double value(int s) {
        return values[s];
    }

    /** Sets the value of slot s. */
    void setValue(int s, double v) {
        values[s] = v;
    }

    /** @return the number of slots, removed entries included, in the order the entries were added */
    int slots() {
        return used;
    }

    /** Removes the entry of slot s. */
    void removeSlot(int s) {
        if (keys[s] >= 0) {
            keys[s] = -1;
            size--;
        }
    }

    /** @return the keys of the entries, in ascending order */
    int[] sortedKeys() {
        int[] out = new int[size];
        int n = 0;
        for (int s = 0; s < used; s++) {
            if (keys[s] >= 0) {
                out[n++] = keys[s];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** @return the smallest key, or -1 when empty */
    int minKey() {
        int min = -1;
        for (int s = 0; s < used; s++) {
            if (keys[s] >= 0 && (min < 0 || keys[s] < min)) {
                min = keys[s];
            }
        }
        return min;
    }

    /** Drops the removed entries from the slots, or makes room. */
    private void compactOrGrow() {
        if (size < used / 2) {
            int n = 0;
            for (int s = 0; s < used; s++) {
                if (keys[s] >= 0) {
                    keys[n] = keys[s];
                    values[n] = values[s];
                    n++;
                }
            }
            used = n;
        } else {
            keys = Arrays.copyOf(keys, 2 * keys.length);
            values = Arrays.copyOf(values, keys.length);
        }
        if (table != null) {
            rehash();
        }
    }

    private void rehash() {
        int n = Integer.highestOneBit(Math.max(4 * used, 16));
        if (table == null || table.length != n) {
            table = new int[n];
        } else {
            Arrays.fill(table, 0);
        }
        for (int s = 0; s < used; s++) {
            if (keys[s] >= 0) {
                insert(s);
            }
        }
    }

    private void insert(int s) {
        int mask = table.length - 1;
        int h = hash(keys[s]) & mask;
        while (table[h] != 0) {
            h = (h + 1) & mask;
        }
        table[h] = s + 1;
    }
}
