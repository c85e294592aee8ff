import PaceData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `pace` does when it is stopped by a signal instead of crashing or leaving debris:
/// - SIGBUS: a large input file is memory-mapped, and shrinking it while pace reads it makes
///   the missing pages fault. Pace says so on standard error and exits with status 2 (bad
///   input), like any other unreadable input.
/// - SIGINT, SIGTERM, SIGHUP: the default action (the conventional exit status), after
///   removing the temporary files of unfinished `--output` files.
/// In every case no partial output file is left: `--output` is written to a temporary file
/// that only a completed run renames, and the handlers remove it (``TemporaryFiles``).
enum FatalSignals {
    static func install() {
        // A SIGBUS raised by a fault while blocked (a mask inherited from the parent) would
        // bypass the handler and kill the process: unblock it.
        var bus = sigset_t()
        sigemptyset(&bus)
        sigaddset(&bus, SIGBUS)
        sigprocmask(SIG_UNBLOCK, &bus, nil)
        signal(SIGBUS, { _ in
            let message: StaticString = "pace: an input file changed size while it was being read (SIGBUS); no output file was written\n"
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
            TemporaryFiles.removeAll()
            _exit(2)
        })
        let ignored = unsafeBitCast(SIG_IGN, to: Int.self)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // A signal ignored by whoever started pace (nohup, a shell's background job)
            // stays ignored.
            let previous = signal(sig, SIG_IGN)
            if unsafeBitCast(previous, to: Int.self) == ignored { continue }
            signal(sig, { sig in
                TemporaryFiles.removeAll()
                signal(sig, SIG_DFL)
                raise(sig)
            })
        }
    }
}
