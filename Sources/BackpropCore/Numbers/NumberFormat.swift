/// How numbers are written: the shortest string that reads back as the same double (the default),
/// or a fixed number of significant digits.
public struct NumberFormat: Sendable, Equatable {
    /// Significant digits, or `nil` for round-trip output.
    public let significantDigits: Int?

    /// Round-trip output: every printed number parses back to the same double.
    public static let roundTrip = NumberFormat(significantDigits: nil)

    /// A format with `significantDigits` digits (1...17), or round-trip for `nil`.
    public init(significantDigits: Int?) {
        self.significantDigits = significantDigits.map { Swift.min(Swift.max($0, 1), 17) }
    }

    /// The number as mantissa and decimal exponent, e.g. 1.5e-07 → ("1.5", -7); exponent 0 when none is needed.
    public func parts(_ value: Double) -> (mantissa: String, exponent: Int) {
        var text = string(value)
        let parts: (String, Int)? = text.withUTF8 { bytes in
            guard let e = bytes.firstIndex(of: UInt8(ascii: "e")) else { return nil }
            var exponent = 0
            var negative = false
            for byte in bytes[(e + 1)...] {
                switch byte {
                case UInt8(ascii: "-"): negative = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"): exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                default: break
                }
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<e]), as: UTF8.self), negative ? -exponent : exponent)
        }
        return parts ?? (text, 0)
    }

    /// `value` rounded to this format's significant digits: the number that prints as those digits.
    public func rounded(_ value: Double) -> Double {
        Rounding(significantDigits: significantDigits)(value)
    }

    /// The number as plain text in JSON syntax: `0.1`, `2`, `-3.5e-07`.
    public func string(_ value: Double) -> String {
        if value == 0 { return "0" }
        if let digits = significantDigits {
            return Self.trimmed(SignificantDigits.format(value, digits: digits))
        }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// `1.500e-07` → `1.5e-07`, `2.000` → `2`.
    private static func trimmed(_ text: String) -> String {
        let e = text.firstIndex(where: { $0 == "e" }) ?? text.endIndex
        var mantissa = text[..<e]
        if mantissa.utf8.contains(UInt8(ascii: ".")) {
            while mantissa.last == "0" { mantissa.removeLast() }
            if mantissa.last == "." { mantissa.removeLast() }
        }
        guard e < text.endIndex else { return String(mantissa) }
        var exponent = String(text[text.index(after: e)...])
        let sign = exponent.first == "-" ? "-" : ""
        exponent = String(exponent.drop { $0 == "-" || $0 == "+" })
        while exponent.count > 2 && exponent.first == "0" { exponent.removeFirst() }
        return "\(mantissa)e\(sign)\(exponent)"
    }
}
