/// How an indicator's metric becomes points (SPEC §5). With weight w, floor f, and the N
/// regions that have a value for the indicator:
///
/// - `rank`: place r (1-based; tied regions share the better place, 1, 2, 2, 4) earns
///   `w·(1 − (1−f)·(r−1)/(N−1))` — w for first, falling linearly to `w·f` for last; N = 1
///   earns w.
/// - `minmax`: the metric mapped linearly onto [w·f, w]: `w·(f + (1−f)·(x − worst)/(best − worst))`,
///   the best value earning w and the worst `w·f`; when all values are equal every region earns w.
/// - `zscore`: `w·(x − x̄)/s` with x̄ the mean and s the sample standard deviation (divisor
///   N − 1) over the N regions; the sign is flipped for direction `lower`; s = 0 or N = 1
///   gives 0. Points may be negative and average zero.
///
/// Best means highest for direction `higher`, lowest for `lower`. A region without a value
/// gets no rank and 0 points for that indicator.
public enum RaceScoring: String, Sendable, CaseIterable {
    case rank, minmax, zscore
}
