@testable import BackpropCore
import Foundation
import TestSupport
import Testing

/// Numbers rounded to significant digits on their printed decimal digits, half away from zero, with the
/// significant trailing zeros kept.
@Suite struct SignificantDigitsTests {
    /// Doubles of every kind a handout prints: random bit patterns (every magnitude), decimals with two
    /// places as the seeded values are, exact ties such as 0.125 and 2.5, integers, and values next to a
    /// power of ten where rounding carries into a new digit.
    static var samples: [Double] {
        var random = SplitMix64(seed: 7)
        var values: [Double] = [0.125, 2.5, 0.0625, 9.9995, 99.95, 0.00099995, 1e-5, 123456789, 1e21, 5e-324, .greatestFiniteMagnitude]
        for _ in 0..<6_000 {
            let bits = Double(bitPattern: random.next())
            if bits.isFinite && bits != 0 { values.append(bits) }
            values.append(Double(Int64(random.next() % 2_000_001) - 1_000_000) / 100)
            values.append(Double(random.next() % 1_000_000) / 1_000_000 * Foundation.pow(10, Double(Int(random.next() % 40) - 20)))
        }
        return values + values.map { -$0 }
    }

    /// Away from exact decimal ties the digits are C's `%.{n}g`, correctly rounded; at a tie the printed
    /// decimal rounds away from zero where `%g` follows the binary value.
    @Test(arguments: 1...15)
    func agreesWithPrintfAwayFromDecimalTies(_ digits: Int) throws {
        var mismatches: [String] = []
        for value in Self.samples where mismatches.count < 5 {
            let decimal = try #require(SignificantDigits(value))
            let isTie = decimal.digits.count == digits + 1 && decimal.digits.last == 5
            guard !isTie else { continue }
            let expected = Double(String(format: "%.\(digits)g", value))
            let actual = NumberFormat(significantDigits: digits).string(value)
            if Double(actual) != expected { mismatches.append("\(value): \(actual) ≠ \(String(describing: expected))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// Most numbers are written from the whole number of their digits that binary scaling gives; the text is
    /// the same, character for character, as that of their shortest decimal rounded in decimal, padded or not,
    /// for the samples and for the same samples already rounded, as a handout's computed values are.
    @Test(arguments: 1...15)
    func scalingWritesWhatTheDecimalDigitsWrite(_ digits: Int) throws {
        var mismatches: [String] = []
        let rounding = Rounding(significantDigits: digits)
        for value in Self.samples + Self.samples.map({ rounding($0) }) where value.isFinite && mismatches.count < 5 {
            for padded in [true, false] {
                let decimal = try #require(SignificantDigits(value))
                let expected = decimal.rounded(to: digits).gStyle(significantDigits: digits, padded: padded)
                let actual = NumberFormat(significantDigits: digits, keepsTrailingZeros: padded).string(value)
                if actual != expected { mismatches.append("\(value), padded \(padded): \(actual) ≠ \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test(arguments: [
        (0.3925, 3, "0.393"), (-0.3925, 3, "-0.393"), (2.5, 1, "3"), (-2.5, 1, "-3"), (0.125, 2, "0.13"), (0.0025, 1, "0.003"),
        (9.9995, 4, "10"), (0.00099995, 4, "0.001000"), (0.249, 4, "0.2490"), (1e-5, 3, "1.00e-05"), (1.5e-7, 4, "1.500e-07"),
        (2, 4, "2"), (-10, 3, "-10"), (123456, 3, "1.23e05"), (0.6315000000000001, 4, "0.6315"),
    ] as [(Double, Int, String)])
    func roundsHalfAwayFromZeroInDecimalKeepingZeros(_ value: Double, _ digits: Int, _ expected: String) {
        #expect(NumberFormat(significantDigits: digits).string(value) == expected)
        #expect(Rounding(significantDigits: digits)(value) == Double(expected))
    }

    /// Given values print as they are given: no zeros pad them, whatever their sign.
    @Test func exactValuesAreNotPadded() {
        let format = NumberFormat(significantDigits: 4).printing(exactly: [0.13, -0.5])
        #expect(format.string(0.13) == "0.13")
        #expect(format.string(-0.13) == "-0.13")
        #expect(format.string(0.5) == "0.5")
        #expect(format.string(0.249) == "0.2490")
        #expect(NumberFormat.roundTrip.printing(exactly: [0.1]).string(0.30000000000000004) == "0.30000000000000004")
    }

    /// A rounded sum of products is computed in decimal: the tie 0.3925 rounds up although binary arithmetic
    /// lands just below it; an exact rounding keeps binary arithmetic.
    @Test func roundedSumsAreDecimal() {
        var sum = Rounding(significantDigits: 3).sum()
        for (a, b) in [(0.25, 0.05), (0.3, 0.1), (0.35, 1)] { sum.add(a, times: b) }
        #expect(sum.value == 0.393)
        var exact = Rounding.exact.sum()
        exact.add(0.13, times: 0.4)
        exact.add(0.95, times: 0.61)
        #expect(exact.value == 0.13 * 0.4 + 0.95 * 0.61)
        var four = Rounding(significantDigits: 4).sum()
        four.add(0.13, times: 0.4)
        four.add(0.95, times: 0.61)
        #expect(four.value == 0.6315)
    }

    /// Expressions evaluate in decimal when rounded: (0.5 − 0.45)² is the tie 0.0025, which rounds to 0.003.
    @Test func roundedExpressionsAreDecimal() throws {
        let x = Symbol.variable("x")
        let square = Expression.power(.sum([.symbol(x), .negation(.constant(0.45))]), .constant(2))
        #expect(try Rounding(significantDigits: 1).value(of: square) { $0 == x ? 0.5 : nil } == 0.003)
        #expect(try Rounding.exact.value(of: square) { $0 == x ? 0.5 : nil } == Foundation.pow(0.5 - 0.45, 2))
        let leaky = Expression.apply(.leakyRelu, .symbol(x))
        #expect(try Rounding(significantDigits: 3).value(of: leaky) { $0 == x ? -0.6315 : nil } == -0.00632)
        #expect(throws: EvaluationError.divisionByZero) {
            try Rounding(significantDigits: 3).value(of: .quotient(.one, .symbol(x))) { _ in 0 }
        }
    }
}
