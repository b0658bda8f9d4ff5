package org.breachtriage.bench.cold;

/** The floor of a cold start: a JVM that starts, prints one line and exits. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
