/// Writes a double to a number of significant digits exactly as C's `%.{n}g` does, correctly rounded, from
/// the shortest decimal that reads back as the same double (Swift's `description`).
///
/// The shortest digits are also the closest to the double, within half a unit of their last digit, so
/// rounding them gives the same result as rounding the double's exact binary value, except when the digits
/// dropped are exactly a 5: the exact value may then lie on either side of the tie. Asked for more digits
/// than the shortest form has, `%g` prints the exact binary value's, which agree with the shortest digits
/// padded with zeros only up to 15 digits and for normal numbers. Everything else goes to
/// C's `printf`, which sees every binary digit. The fast path matters: formatting through
/// `printf` packs its argument for a C variadic call, most of the cost of printing a picture's numbers.
enum SignificantDigits {
    /// The most digits the shortest form serves: a double carries 15 to 17 significant decimal digits.
    private static let fastestDigits = 15

    /// `value` as `%.{digits}g` writes it.
    static func format(_ value: Double, digits: Int) -> String {
        guard value.isNormal, digits <= fastestDigits, let decimal = Decimal(value), let rounded = decimal.rounded(to: digits) else {
            return value.cFormatted("%.\(digits)g")
        }
        return rounded.gStyle(significantDigits: digits)
    }

    /// A decimal number: its sign, its digits d₁d₂…, and the power of ten of d₁.
    private struct Decimal {
        var isNegative: Bool
        var digits: [UInt8]
        var exponent: Int

        /// The shortest round-trip digits of `value`, read from its `description` ("1.5e-07", "12345.0").
        init?(_ value: Double) {
            let text = Array(value.description.utf8)
            isNegative = text.first == UInt8(ascii: "-")
            var mantissa: [UInt8] = []
            var pointPosition: Int?
            var index = isNegative ? 1 : 0
            var power = 0
            while index < text.count {
                let byte = text[index]
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): mantissa.append(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "."): pointPosition = mantissa.count
                case UInt8(ascii: "e"), UInt8(ascii: "E"):
                    guard let parsed = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) else { return nil }
                    power = parsed
                    index = text.count
                    continue
                default: return nil
                }
                index += 1
            }
            let integerDigits = pointPosition ?? mantissa.count
            guard let first = mantissa.firstIndex(where: { $0 != 0 }) else { return nil }
            var significant = Array(mantissa[first...])
            while significant.last == 0 { significant.removeLast() }
            digits = significant
            exponent = power + integerDigits - first - 1
        }

        /// The number rounded half away from zero to `count` significant digits, or `nil` at an exact tie.
        func rounded(to count: Int) -> Decimal? {
            guard digits.count > count else { return self }
            let dropped = digits[count...]
            guard let first = dropped.first else { return self }
            if first == 5 && dropped.dropFirst().allSatisfy({ $0 == 0 }) { return nil }
            var result = self
            result.digits = Array(digits[..<count])
            if first >= 5 {
                var position = count - 1
                while position >= 0 {
                    if result.digits[position] == 9 {
                        result.digits[position] = 0
                        position -= 1
                    } else {
                        result.digits[position] += 1
                        break
                    }
                }
                if position < 0 {
                    result.digits.insert(1, at: 0)
                    result.digits.removeLast()
                    result.exponent += 1
                }
            }
            while result.digits.last == 0 && result.digits.count > 1 { result.digits.removeLast() }
            return result
        }

        /// The number as `%g` writes it with `count` significant digits: fixed notation for exponents from −4
        /// to `count` − 1, else `d.ddde±XX`; trailing zeros dropped, as `%g` drops them.
        func gStyle(significantDigits count: Int) -> String {
            var text = isNegative ? "-" : ""
            let characters = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
            if exponent < -4 || exponent >= Swift.max(count, 1) {
                text.append(characters[0])
                if characters.count > 1 {
                    text.append(".")
                    text.append(contentsOf: characters.dropFirst())
                }
                let magnitude = Swift.abs(exponent)
                text += (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
            } else if exponent < 0 {
                text += "0." + String(repeating: "0", count: -exponent - 1) + String(characters)
            } else if characters.count > exponent + 1 {
                text += String(characters[...exponent]) + "." + String(characters[(exponent + 1)...])
            } else {
                text += String(characters) + String(repeating: "0", count: exponent + 1 - characters.count)
            }
            return text
        }
    }
}
