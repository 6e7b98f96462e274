/// A sum of products Σ a · b built term by term, whose value is rounded as its ``Rounding`` says: computed in
/// decimal from the printed digits and rounded half away from zero, or in binary when the rounding is exact.
///
/// `var sum = rounding.sum(); sum.add(0.13, times: 0.4); sum.add(0.95, times: 0.61)` gives 0.6315 at four
/// digits, where binary arithmetic gives 0.6315000000000001.
public struct RoundedSum: Sendable {
    /// How the value is rounded.
    public let rounding: Rounding
    /// The sum in binary, in the order the terms were added: the value when the rounding is exact, and the
    /// fallback when a term has no decimal.
    private var binary = 0.0
    /// The sum in decimal while every term has one.
    private var decimal: ExactDecimal? = .zero

    init(rounding: Rounding) {
        self.rounding = rounding
        if rounding.significantDigits == nil { decimal = nil }
    }

    /// Adds a · b.
    public mutating func add(_ a: Double, times b: Double) {
        binary += a * b
        guard let total = decimal else { return }
        if let x = ExactDecimal(a), let y = ExactDecimal(b), let product = x * y {
            decimal = total + product
        } else {
            decimal = nil
        }
    }

    /// Adds a.
    public mutating func add(_ a: Double) {
        binary += a
        guard let total = decimal else { return }
        decimal = ExactDecimal(a).flatMap { total + $0 }
    }

    /// The sum, rounded.
    public var value: Double {
        if let digits = rounding.significantDigits, let rounded = decimal?.rounded(to: digits) { return rounded }
        return rounding(binary)
    }
}
