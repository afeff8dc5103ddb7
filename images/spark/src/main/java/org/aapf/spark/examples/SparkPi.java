package org.aapf.spark.examples;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Estimates pi by throwing random points at the unit square on the cluster's executors, and counts 1..n exactly
 * as a check whose answer is known: {@code SparkPi [slices]} prints {@code Pi is roughly 3.14...} and
 * {@code Sum of 1..n is ...}. Each slice uses its own seed, so the estimate is the same on every run.
 */
public final class SparkPi {

    private static final int POINTS_PER_SLICE = 200_000;

    private SparkPi() {
    }

    public static void main(String[] args) {
        int slices = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        List<Integer> seeds = IntStream.rangeClosed(1, slices).boxed().toList();
        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setAppName("AAPF SparkPi"))) {
            long inside = spark.parallelize(seeds, slices).map(SparkPi::pointsInside).reduce(Long::sum);
            double pi = 4.0 * inside / ((long) POINTS_PER_SLICE * slices);
            long n = 1_000_000L;
            long sum = spark.parallelize(IntStream.rangeClosed(1, (int) n).boxed().toList(), slices)
                    .map(Integer::longValue).reduce(Long::sum);
            long executors = spark.sc().statusTracker().getExecutorInfos().length - 1L;
            System.out.println("Pi is roughly " + pi);
            System.out.println("Sum of 1.." + n + " is " + sum);
            System.out.println("Executors: " + executors);
        }
    }

    private static long pointsInside(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long inside = 0;
        for (int i = 0; i < POINTS_PER_SLICE; i++) {
            double x = random.nextDouble() * 2 - 1;
            double y = random.nextDouble() * 2 - 1;
            if (x * x + y * y <= 1) {
                inside++;
            }
        }
        return inside;
    }
}
