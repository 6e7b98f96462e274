/// A decimal number for the arithmetic of rounded steps, significand × 10^exponent: sums, differences and
/// products of printed numbers are exact, so rounding their result rounds what a person computes on paper.
///
/// A double enters as its shortest round-trip digits, the digits a handout prints. The significand is a
/// 64-bit integer (19 digits): products of two numbers of up to 9 digits are exact; a result that needs more
/// digits has no decimal (`nil`), and its step is computed in binary instead, where a tie in the last kept
/// digit cannot be told from binary noise anyway. Quotients keep as many digits as fit, with a last digit 1
/// standing for any remainder, so that a quotient is never mistaken for a tie.
struct ExactDecimal {
    /// Whether the number is below zero.
    private(set) var isNegative: Bool
    /// The digits, as an integer.
    private(set) var significand: UInt64
    /// The power of ten of the significand's last digit.
    private(set) var exponent: Int

    private init(isNegative: Bool, significand: UInt64, exponent: Int) {
        self.isNegative = isNegative && significand != 0
        self.significand = significand
        self.exponent = significand == 0 ? 0 : exponent
    }

    /// Zero.
    static let zero = ExactDecimal(isNegative: false, significand: 0, exponent: 0)
    /// One.
    static let one = ExactDecimal(isNegative: false, significand: 1, exponent: 0)
    /// The leaky rectifier's slope, 0.01.
    static let leakySlope = ExactDecimal(isNegative: false, significand: 1, exponent: -2)

    /// `double` as the decimal of its shortest round-trip digits, or `nil` when it is not finite.
    init?(_ double: Double) {
        guard let digits = SignificantDigits(double) else { return nil }
        var significand: UInt64 = 0
        for digit in digits.digits { significand = significand * 10 + UInt64(digit) }
        self.init(isNegative: digits.isNegative, significand: significand, exponent: digits.exponent - (digits.digits.count - 1))
    }

    /// Whether the number is zero.
    var isZero: Bool { significand == 0 }

    /// The digits of the value, exactly.
    var digits: SignificantDigits? {
        SignificantDigits(text: (isNegative ? "-" : "") + String(significand) + "e" + String(exponent))
    }

    /// The nearest double.
    var double: Double? { Double((isNegative ? "-" : "") + String(significand) + "e" + String(exponent)) }

    /// The value rounded half away from zero to `count` significant digits, as the nearest double.
    func rounded(to count: Int) -> Double? {
        digits.flatMap { Double($0.rounded(to: count).scientific) }
    }

    /// Whether a < b.
    static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        guard let difference = a + -b else { return (a.double ?? 0) < (b.double ?? 0) }
        return difference.isNegative
    }

    /// a + b, or `nil` when the sum needs more digits than the significand holds.
    static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? {
        if a.isZero { return b }
        if b.isZero { return a }
        let exponent = Swift.min(a.exponent, b.exponent)
        guard let x = a.significand(scaledTo: exponent), let y = b.significand(scaledTo: exponent) else { return nil }
        if a.isNegative == b.isNegative {
            let (sum, overflow) = x.addingReportingOverflow(y)
            return overflow ? nil : ExactDecimal(isNegative: a.isNegative, significand: sum, exponent: exponent)
        }
        return x >= y ? ExactDecimal(isNegative: a.isNegative, significand: x - y, exponent: exponent)
                      : ExactDecimal(isNegative: b.isNegative, significand: y - x, exponent: exponent)
    }

    /// a · b, or `nil` when the product needs more digits than the significand holds.
    static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? {
        let (product, overflow) = a.significand.multipliedReportingOverflow(by: b.significand)
        guard !overflow else { return nil }
        return ExactDecimal(isNegative: a.isNegative != b.isNegative, significand: product, exponent: a.exponent + b.exponent)
    }

    /// a / b for b ≠ 0, to as many digits as fit, the last digit 1 when the division leaves a remainder.
    static func / (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? {
        guard !b.isZero else { return nil }
        guard !a.isZero else { return .zero }
        var numerator = a.significand
        var exponent = a.exponent - b.exponent
        // Scale the numerator up while it fits, so the quotient keeps as many digits as it can.
        while numerator <= UInt64.max / 10 && numerator / b.significand < 10_000_000_000_000_000 {
            numerator *= 10
            exponent -= 1
        }
        var quotient = numerator / b.significand
        if numerator % b.significand != 0 {
            guard quotient <= UInt64.max / 10 else { return nil }
            quotient = quotient * 10 + 1
            exponent -= 1
        }
        return ExactDecimal(isNegative: a.isNegative != b.isNegative, significand: quotient, exponent: exponent)
    }

    /// −a.
    static prefix func - (a: ExactDecimal) -> ExactDecimal {
        ExactDecimal(isNegative: !a.isNegative, significand: a.significand, exponent: a.exponent)
    }

    /// The significand times 10^(self.exponent − exponent), for an `exponent` at most this one's; `nil` on overflow.
    private func significand(scaledTo exponent: Int) -> UInt64? {
        var scaled = significand
        for _ in 0..<(self.exponent - exponent) {
            let (next, overflow) = scaled.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            scaled = next
        }
        return scaled
    }
}
