@testable import BackpropCore
import Foundation
import TestSupport
import Testing

/// Significant digits written from the shortest round-trip digits agree with C's `%.{n}g` to the character.
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

    @Test(arguments: 1...17)
    func agreesWithPrintf(_ digits: Int) {
        var mismatches: [String] = []
        for value in Self.samples where mismatches.count < 5 {
            let expected = String(format: "%.\(digits)g", value)
            let actual = SignificantDigits.format(value, digits: digits)
            if actual != expected { mismatches.append("\(value): \(actual) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
