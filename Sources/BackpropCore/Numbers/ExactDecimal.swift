import Foundation

/// A decimal number for the arithmetic of rounded steps: sums, differences and products of printed numbers
/// are exact (up to 38 significant digits), so rounding their result rounds what a person computes on paper.
///
/// A double enters as its shortest round-trip digits, the digits a handout prints. Numbers beyond about
/// 10^±110, and results that leave that range, have no decimal: their step is computed in binary instead.
struct ExactDecimal {
    /// The value.
    let value: Foundation.Decimal

    /// The decimal exponents kept well inside what `Foundation.Decimal` holds, products included.
    private static let exponents = -110...110

    /// `double` as the decimal of its shortest round-trip digits, or `nil` when it is not finite or out of range.
    init?(_ double: Double) {
        guard let digits = SignificantDigits(double) else { return nil }
        guard !digits.isZero else {
            self.init(unchecked: 0)
            return
        }
        guard Self.exponents.contains(digits.exponent) else { return nil }
        var significand: UInt64 = 0
        for digit in digits.digits { significand = significand * 10 + UInt64(digit) }
        self.init(Foundation.Decimal(sign: digits.isNegative ? .minus : .plus, exponent: digits.exponent - (digits.digits.count - 1),
                                     significand: Foundation.Decimal(significand)))
    }

    /// `value`, or `nil` when it is not a number or its magnitude is out of range.
    init?(_ value: Foundation.Decimal) {
        guard !value.isNaN else { return nil }
        if !value.isZero {
            let magnitude = Swift.abs(value)
            guard magnitude < Foundation.Decimal(sign: .plus, exponent: Self.exponents.upperBound, significand: 1),
                  magnitude > Foundation.Decimal(sign: .plus, exponent: Self.exponents.lowerBound, significand: 1)
            else { return nil }
        }
        self.value = value
    }

    /// The digits of the value, exactly.
    var digits: SignificantDigits? { SignificantDigits(text: value.description) }

    /// The nearest double, or `nil` when the digits cannot be read.
    var double: Double? { digits.flatMap { Double($0.scientific) } }

    /// The value rounded half away from zero to `count` significant digits, as the nearest double.
    func rounded(to count: Int) -> Double? {
        digits.flatMap { Double($0.rounded(to: count).scientific) }
    }

    /// a + b, or `nil` out of range.
    static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? { ExactDecimal(a.value + b.value) }
    /// a · b, or `nil` out of range.
    static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? { ExactDecimal(a.value * b.value) }
    /// a / b for b ≠ 0, to 38 significant digits, or `nil` out of range.
    static func / (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? { ExactDecimal(a.value / b.value) }
    /// −a.
    static prefix func - (a: ExactDecimal) -> ExactDecimal { ExactDecimal(unchecked: -a.value) }

    private init(unchecked value: Foundation.Decimal) { self.value = value }

    /// Zero.
    static let zero = ExactDecimal(unchecked: 0)
    /// One.
    static let one = ExactDecimal(unchecked: 1)
}
