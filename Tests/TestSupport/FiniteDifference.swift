/// Numerical differentiation and comparison helpers shared by the derivative tests.
public enum FiniteDifference {
    /// The fourth-order central difference
    /// f'(x) ≈ (−f(x + 2h) + 8 f(x + h) − 8 f(x − h) + f(x − 2h)) / 12h.
    ///
    /// Its truncation error is h⁴ f⁽⁵⁾/30 and its rounding error about 1.5 ε |f| / h, so with
    /// h ≈ 1e-4 · max(1, |x|) both are far below the 1e-6 relative tolerance the tests use, where
    /// the second-order (f(x + h) − f(x − h)) / 2h would need h ≈ 1e-5 and leave errors near 1e-10.
    public static func derivative(at x: Double, step h: Double, of f: (Double) throws -> Double) rethrows -> Double {
        let plus1 = try f(x + h), minus1 = try f(x - h)
        let plus2 = try f(x + 2 * h), minus2 = try f(x - 2 * h)
        return (8 * (plus1 - minus1) - (plus2 - minus2)) / (12 * h)
    }

    /// The step used for a variable of magnitude |x|: 1e-4, relative for |x| > 1.
    public static func step(at x: Double) -> Double { 1e-4 * max(1, abs(x)) }
}

/// Whether `a` and `b` agree to `relative` relative error, with differences below
/// `relative · floor` always accepted (so values near zero are compared absolutely):
/// |a − b| ≤ relative · max(|a|, |b|, floor).
public func isClose(_ a: Double, _ b: Double, relative: Double = 1e-6, floor: Double = 1e-3) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b), floor)
}
