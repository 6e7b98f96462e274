import Foundation

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
        guard let digits = significantDigits, value.isFinite, value != 0, let decimal = SignificantDigits(value) else { return value }
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
}
