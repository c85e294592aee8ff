#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values a command is done with but need not free: the process exits right after the command
/// returns, and releasing tens of thousands of rows and series one by one only delays that exit
/// (~10 ms for the 57,000-row national panel). Held here, they go with the process.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []
    nonisolated(unsafe) private static var lock = pthread_mutex_t()

    /// Keeps `value` (a large report, a panel) alive until the process exits.
    static func keep(_ value: Any) {
        pthread_mutex_lock(&lock)
        values.append(value)
        pthread_mutex_unlock(&lock)
    }
}
