import Synchronization

/// A small thread-safe memo of the most recent values of an expensive function of two doubles.
///
/// Used for Student t quantiles — confidence intervals computed in a loop over regions ask for
/// the same (ν, p) thousands of times, and each quantile costs tens of cdf evaluations — and for
/// ln B(a, b) in the incomplete beta function (three `lgamma` calls), whose (a, b) are fixed by
/// the degrees of freedom while the p-values of a fit are computed. The memo
/// returns exactly the value the function computed (it is deterministic), so results do not
/// depend on what was asked before. Eight entries, replaced round-robin.
final class RecentValues: Sendable {
    static let studentTQuantiles = RecentValues()
    static let logBetas = RecentValues()

    private struct Entry {
        var a = Double.nan, b = Double.nan, value = Double.nan
    }

    private struct Table {
        var entries = [Entry](repeating: Entry(), count: 8)
        var next = 0
    }

    private let table = Mutex(Table())

    /// The memoised `compute()` for the key (a, b); `compute` runs outside the lock.
    func value(_ a: Double, _ b: Double, _ compute: () -> Double) -> Double {
        let hit: Double? = table.withLock { t in
            for e in t.entries where e.a == a && e.b == b { return e.value }
            return nil
        }
        if let hit { return hit }
        let v = compute()
        table.withLock { t in
            t.entries[t.next] = Entry(a: a, b: b, value: v)
            t.next = (t.next + 1) % t.entries.count
        }
        return v
    }
}
