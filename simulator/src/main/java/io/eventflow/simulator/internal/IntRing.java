package io.eventflow.simulator.internal;

import java.util.Arrays;

/** A FIFO of ints (growable ring buffer): queues of indices without storing references. */
public final class IntRing {
    private int[] a = new int[8];
    private int head;
    private int size;

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public void addLast(int v) {
        if (size == a.length) {
            grow();
        }
        a[(head + size++) & (a.length - 1)] = v;
    }

    private void grow() {
        int[] n = new int[a.length * 2];
        for (int i = 0; i < size; i++) {
            n[i] = a[(head + i) & (a.length - 1)];
        }
        a = n;
        head = 0;
    }

    public int peekFirst() {
        return a[head];
    }

    public int pollFirst() {
        int v = a[head];
        head = (head + 1) & (a.length - 1);
        size--;
        return v;
    }

    /** Removes every occurrence of {@code v}, keeping the order of the rest. */
    public void remove(int v) {
        int[] keep = new int[a.length];
        int k = 0;
        for (int i = 0; i < size; i++) {
            int x = a[(head + i) & (a.length - 1)];
            if (x != v) {
                keep[k++] = x;
            }
        }
        a = keep;
        head = 0;
        size = k;
    }

    public void clear() {
        head = 0;
        size = 0;
        Arrays.fill(a, 0);
    }
}
