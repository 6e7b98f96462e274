/// How each computed value of a derivation is stored: exactly, or rounded to a number of significant
/// digits so every step is computed from the rounded values printed before it, as a student with a
/// calculator would (`--hand`).
public struct Rounding: Sendable, Equatable {
    /// Significant digits kept after each step, or `nil` to keep every value exactly.
    public let significantDigits: Int?

    /// Values kept exactly.
    public static let exact = Rounding(significantDigits: nil)

    /// A rounding to `significantDigits` digits (1...17), or exact for `nil`.
    public init(significantDigits: Int?) {
        self.significantDigits = significantDigits.map { Swift.min(Swift.max($0, 1), 17) }
    }

    /// `value` rounded to the significant digits, the number that prints as those digits.
    public func callAsFunction(_ value: Double) -> Double {
        guard let digits = significantDigits, value.isFinite, value != 0 else { return value }
        return Double(value.cFormatted("%.\(digits)g")) ?? value
    }

    /// Every element of `values` rounded.
    public func callAsFunction(_ values: [Double]) -> [Double] {
        significantDigits == nil ? values : values.map { self($0) }
    }
}
