/// How each value of a derivation is computed and stored: rounded to a number of significant digits, each
/// step computed from the rounded values printed before it as a student with a calculator would, or exactly
/// in binary floating point.
///
/// Rounding is half away from zero on the decimal digits (0.3925 → 0.393 at three digits), and a rounded
/// step's arithmetic is done in decimal (``sum``, ``value(of:_:)``), so a printed equation such as
/// 0.25 · 0.05 + 0.3 · 0.1 + 0.35 = 0.393 holds digit for digit.
public struct Rounding: Sendable, Equatable {
    /// Significant digits kept after each step, or `nil` to keep every value exactly.
    public let significantDigits: Int?

    /// Values kept exactly: binary floating point, printed as the shortest round-trip decimals.
    public static let exact = Rounding(significantDigits: nil)

    /// A rounding to `significantDigits` digits (1...17), or exact for `nil`.
    public init(significantDigits: Int?) {
        self.significantDigits = significantDigits.map { Swift.min(Swift.max($0, 1), 17) }
    }

    /// `value` rounded half away from zero to the significant digits of its shortest decimal: the number
    /// that prints as those digits.
    public func callAsFunction(_ value: Double) -> Double {
        guard let digits = significantDigits, value.isFinite, value != 0 else { return value }
        if let rounded = Self.rounded(value, to: digits, unlessWithin: 1e-14 * Swift.abs(value)) { return rounded }
        guard let decimal = SignificantDigits(value) else { return value }
        return Double(decimal.rounded(to: digits).scientific) ?? value
    }

    /// Every element of `values` rounded.
    public func callAsFunction(_ values: [Double]) -> [Double] {
        significantDigits == nil ? values : values.map { self($0) }
    }

    /// Whether rounding changes `value`: it has more significant digits than are kept.
    public func changes(_ value: Double) -> Bool {
        self(value) != value
    }

    /// An empty sum of products, Σ a · b, to be added to term by term.
    public func sum() -> RoundedSum {
        RoundedSum(rounding: self)
    }

    /// Exact powers of ten, 10⁰ ... 10²².
    private static let powersOfTen: [Double] = (0...22).map { CMath.pow(10, Double($0)) }

    /// 10^`exponent`, exactly, for `exponent` in 0...22.
    static func powerOfTen(_ exponent: Int) -> Double { powersOfTen[exponent] }

    /// `value` rounded to `digits` significant digits in binary arithmetic, or `nil` when the result might
    /// differ from rounding its exact decimal: when `value` lies within `tolerance` of a tie (a number ending in
    /// 5 just after the last digit kept), or the digits and magnitude are beyond what the binary shortcut
    /// represents exactly. The shortcut spares most values the slower decimal path.
    static func rounded(_ value: Double, to digits: Int, unlessWithin tolerance: Double) -> Double? {
        guard let (kept, scale) = scaledDigits(of: value, to: digits, unlessWithin: tolerance) else { return nil }
        let result = scale >= 0 ? kept / powersOfTen[scale] : kept * powersOfTen[-scale]
        guard result.isFinite, scale >= 0 || result < 9e15 else { return nil }
        return value < 0 ? -result : result
    }

    /// |`value`| rounded half away from zero to `digits` significant digits, as the whole number `kept` of
    /// those digits and the power of ten it was scaled by: |value| ≈ kept · 10^−scale, 10^(digits−1) ≤ kept ≤
    /// 10^digits (10^digits when the rounding carries into a new digit). `nil` under the conditions of
    /// ``rounded(_:to:unlessWithin:)``.
    static func scaledDigits(of value: Double, to digits: Int, unlessWithin tolerance: Double) -> (kept: Double, scale: Int)? {
        guard digits <= 15, value.isNormal else { return nil }
        let magnitude = Swift.abs(value)
        // q = |value| · 10^scale has `digits` digits before its point.
        var scale = digits - 1 - Int(CMath.log10(magnitude).rounded(.down))
        func scaled(_ scale: Int) -> Double? {
            guard Swift.abs(scale) <= 22 else { return nil }
            return scale >= 0 ? magnitude * powersOfTen[scale] : magnitude / powersOfTen[-scale]
        }
        guard var q = scaled(scale) else { return nil }
        let lower = powersOfTen[digits - 1], upper = powersOfTen[digits]
        if q < lower { scale += 1 } else if q >= upper { scale -= 1 }
        guard let adjusted = scaled(scale) else { return nil }
        q = adjusted
        let whole = q.rounded(.down)
        let fraction = q - whole
        // The distance to the tie, back in the units of `value`.
        let distance = Swift.abs(fraction - 0.5) / (scale >= 0 ? powersOfTen[scale] : 1 / powersOfTen[-scale])
        guard distance > tolerance, distance > 4 * magnitude.ulp else { return nil }
        return (fraction > 0.5 ? whole + 1 : whole, scale)
    }
}
