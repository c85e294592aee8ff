import _PaceCLapack

/// OpenBLAS's worker threads. OpenBLAS starts them when the library loads, and an idle worker
/// busy-waits (`sched_yield` in a loop) for a while before it sleeps: on a two-core machine
/// that takes CPU from Pace's own threads for the first ~0.1 s of every process, although
/// Pace's small problems (its own QR, ETS, the gap analysis) never hand OpenBLAS any work.
public enum BLASThreads {
    /// Stops the idle workers (OpenBLAS `blas_thread_shutdown_`). OpenBLAS starts them again on
    /// its next multi-threaded call, so large problems keep their threads. Call it once at
    /// start-up, before any other thread calls BLAS or LAPACK.
    public static func stopIdleWorkers() {
        _ = blas_thread_shutdown_()
    }
}
