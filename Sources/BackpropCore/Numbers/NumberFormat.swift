/// How numbers are written: a fixed number of significant digits, rounded half away from zero in decimal
/// with the significant trailing zeros kept (0.2490), or the shortest string that reads back as the same double.
public struct NumberFormat: Sendable, Equatable {
    /// Significant digits, or `nil` for round-trip output.
    public let significantDigits: Int?
    /// Whether a number with fewer significant digits is padded with zeros to show that they are significant
    /// (0.2490); a picture that merely shortens exact values for display leaves them off (0.249).
    public let keepsTrailingZeros: Bool
    /// The magnitudes of numbers known exactly, such as a network's given weights, printed without the zeros
    /// that pad a rounded value to its significant digits: the weight −0.13 prints as −0.13, a computed 0.249 as 0.2490.
    public private(set) var exactValues: Set<Double> = []

    /// Round-trip output: every printed number parses back to the same double.
    public static let roundTrip = NumberFormat(significantDigits: nil)

    /// A format with `significantDigits` digits (1...17), or round-trip for `nil`; trailing zeros kept unless
    /// `keepsTrailingZeros` is false.
    public init(significantDigits: Int?, keepsTrailingZeros: Bool = true) {
        self.significantDigits = significantDigits.map { Swift.min(Swift.max($0, 1), 17) }
        self.keepsTrailingZeros = keepsTrailingZeros
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

    /// The number as plain text in JSON syntax: `0.1`, `2`, `0.2490`, `-3.500e-7`.
    public func string(_ value: Double) -> String {
        if value == 0 { return "0" }
        if let digits = significantDigits, let decimal = SignificantDigits(value) {
            return Self.shortExponent(decimal.rounded(to: digits).gStyle(significantDigits: digits, padded: keepsTrailingZeros && !exactValues.contains(Swift.abs(value))))
        }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// This format with `values` printed as they are given, unpadded.
    public func printing(exactly values: some Sequence<Double>) -> NumberFormat {
        guard significantDigits != nil else { return self }
        var format = self
        format.exactValues.formUnion(values.lazy.map { Swift.abs($0) })
        return format
    }

    /// `1.500e+05` → `1.500e05`: the exponent without its plus sign, and with two digits unless it needs three.
    private static func shortExponent(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" }) else { return text }
        let mantissa = text[..<e]
        var exponent = String(text[text.index(after: e)...])
        let sign = exponent.first == "-" ? "-" : ""
        exponent = String(exponent.drop { $0 == "-" || $0 == "+" })
        while exponent.count > 2 && exponent.first == "0" { exponent.removeFirst() }
        return "\(mantissa)e\(sign)\(exponent)"
    }
}
