package dev.sheaf4j.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed crew of threads that run one task, indexed {@code 0..tasks-1}, once per {@link #run}. The
 * calling thread and {@code size - 1} long-lived workers claim the indices in turn and run the ones
 * they claim, so that when a worker is slow to wake (its core busy with another process) the caller
 * runs that index itself rather than waiting for it. A run is handed over by a generation counter
 * that the workers watch, spinning briefly, then yielding, then parking: a run costs no queue, no
 * future and no allocation, and an unparking system call only for a worker that went to sleep. A
 * thread that waits long yields its core, so that a crew on a machine with fewer free cores than
 * threads slows down rather than stalls. Close it when done.
 */
public final class Crew implements AutoCloseable {
    /** How many times a waiting thread checks before it starts yielding its core to other threads. */
    private static final int SPINS = 4_000;
    /** How many times a worker yields before it parks. */
    private static final int YIELDS = 1_000;

    private final IntConsumer task;
    private final int tasks;
    private final Worker[] workers;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** A crew of {@code size} threads (the caller and {@code size - 1} workers named after {@code name}), one index each. */
    public Crew(String name, int size, IntConsumer task) {
        this(name, size, size, task);
    }

    /**
     * A crew of {@code size} threads (the caller and {@code size - 1} workers named after {@code name})
     * that runs {@code task} on the indices {@code 0..tasks-1}.
     */
    public Crew(String name, int size, int tasks, IntConsumer task) {
        if (size < 1 || tasks < 1) {
            throw new IllegalArgumentException("a crew needs at least one thread and one task, got " + size
                    + " threads and " + tasks + " tasks");
        }
        this.task = task;
        this.tasks = tasks;
        this.workers = new Worker[size - 1];
        for (int t = 1; t < size; t++) {
            workers[t - 1] = new Worker(name + "-" + t);
            workers[t - 1].start();
        }
    }

    /** The number of threads, the caller included. */
    public int size() {
        return workers.length + 1;
    }

    /** Runs the task on every index, on whichever thread claims it first, and returns when all are done. */
    public void run() {
        if (failure != null) {
            failure = null;
        }
        pending.set(tasks);
        next.set(0);
        generation++;
        for (Worker worker : workers) {
            if (worker.parked) {
                LockSupport.unpark(worker);
            }
        }
        runClaimed();
        for (int spins = 0; pending.get() != 0; spins++) {
            pause(spins);
        }
        Throwable failed = failure;
        if (failed != null) {
            throw new IllegalStateException("a thread of the crew failed: " + failed, failed);
        }
    }

    /** Claims indices of the current run and runs them until none is left. */
    private void runClaimed() {
        for (int index = next.getAndIncrement(); index < tasks; index = next.getAndIncrement()) {
            try {
                task.accept(index);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            pending.decrementAndGet();
        }
    }

    /** The {@code spins}-th wait of a thread: a spin hint at first, then giving up the core. */
    private static void pause(int spins) {
        if (spins < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Worker worker : workers) {
            LockSupport.unpark(worker);
        }
    }

    /** One worker: waits for the next generation, runs the indices it claims, until the crew closes. */
    private final class Worker extends Thread {
        private volatile boolean parked;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            int seen = 0;
            while (awaitGeneration(seen)) {
                seen = generation;
                runClaimed();
            }
        }

        /** Waits until the generation moves past {@code seen}; false once the crew is closed. */
        private boolean awaitGeneration(int seen) {
            for (int spins = 0; generation == seen && !closed; spins++) {
                if (spins < SPINS + YIELDS) {
                    pause(spins);
                } else {
                    parked = true;
                    if (generation == seen && !closed) {
                        LockSupport.park(Crew.this);
                    }
                    parked = false;
                }
            }
            return !closed;
        }
    }
}
