package org.openhall.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of {@code bench/} in one go and prints, for every operation measured both
 * ways, the two results side by side and their ratio. A benchmark method named {@code <operation>Naive}
 * is paired with {@code <operation>Fast}.
 *
 * <p>{@code mvn -Pbench -DskipTests test-compile exec:exec@bench}; optional system properties
 * {@code bench.include} (regex, default all), {@code bench.warmup} / {@code bench.iterations}
 * (default 3 / 5) and {@code bench.seconds} (per iteration, default 2).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        int warmup = Integer.getInteger("bench.warmup", 3);
        int iterations = Integer.getInteger("bench.iterations", 5);
        int seconds = Integer.getInteger("bench.seconds", 2);
        Options options = new OptionsBuilder()
                .include(System.getProperty("bench.include", "org\\.openhall\\.bench\\..*"))
                .forks(1)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .timeUnit(TimeUnit.NANOSECONDS)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, double[]> pairs = new LinkedHashMap<>(); // operation -> {naive, naiveError, fast, fastError}
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            String owner = label.substring(0, label.lastIndexOf('.'));
            owner = owner.substring(owner.lastIndexOf('.') + 1);
            boolean naive = method.endsWith("Naive");
            boolean fast = method.endsWith("Fast");
            if (!naive && !fast) {
                continue;
            }
            String operation = owner + "." + method.substring(0, method.length() - (naive ? 5 : 4));
            double[] row = pairs.computeIfAbsent(operation, k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            int at = naive ? 0 : 2;
            row[at] = r.getPrimaryResult().getScore();
            row[at + 1] = r.getPrimaryResult().getScoreError();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "| %-52s | %20s | %16s | %9s |", "operation", "naive ns/op", "fast ns/op", "ratio"));
        lines.add("|" + "-".repeat(54) + "|" + "-".repeat(22) + ":|" + "-".repeat(17) + ":|" + "-".repeat(10) + ":|");
        for (Map.Entry<String, double[]> e : pairs.entrySet()) {
            double[] v = e.getValue();
            lines.add(String.format(Locale.ROOT, "| %-52s | %11.1f ± %6.1f | %7.1f ± %6.1f | %8.0f× |",
                    e.getKey(), v[0], v[1], v[2], v[3], v[0] / v[2]));
        }
        System.out.println();
        System.out.println("Side by side (average time per operation, " + iterations + " × " + seconds + " s after "
                + warmup + " × " + seconds + " s warm-up, 1 fork, JDK " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores):");
        lines.forEach(System.out::println);
    }
}
