package dev.sheaf4j.sweep;

import java.io.IOException;
import java.util.List;

/** The default engine: trials on this machine's cores, in this process, one thread each. */
public final class LocalEngine implements SweepEngine {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public void run(List<TrialSettings> trials, EngineOptions options, SweepListener listener)
            throws IOException, InterruptedException {
        TrialQueue.run(trials, options.parallelism(), TrialRunner::run, listener);
    }
}
