package dev.sheaf4j.spark;

import dev.sheaf4j.sweep.EngineOptions;
import dev.sheaf4j.sweep.SweepEngine;
import dev.sheaf4j.sweep.SweepListener;
import dev.sheaf4j.sweep.TrialQueue;
import dev.sheaf4j.sweep.TrialResult;
import dev.sheaf4j.sweep.TrialRunner;
import dev.sheaf4j.sweep.TrialSettings;
import java.io.IOException;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs each trial as a one-task Spark job, as many jobs at once as the cluster has task slots, so
 * that results come back (and are recorded) one trial at a time. The master is {@code --master}'s,
 * else the one {@code spark-submit} set, else {@code local[N]} embedded in this process.
 */
public final class SparkEngine implements SweepEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void run(List<TrialSettings> trials, EngineOptions options, SweepListener listener)
            throws IOException, InterruptedException {
        SparkConf conf = new SparkConf().setAppName("sheaf4j sweep").setIfMissing("spark.ui.enabled", "false");
        if (options.master() != null) {
            conf.setMaster(options.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + options.parallelism() + "]");
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            TrialQueue.run(trials, spark.defaultParallelism(), trial -> runOne(spark, trial), listener);
        }
    }

    private static TrialResult runOne(JavaSparkContext spark, TrialSettings trial) {
        return spark.parallelize(List.of(trial), 1).map(TrialRunner::run).collect().get(0);
    }
}
