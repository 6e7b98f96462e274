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
        var parts = (mantissa: "", exponent: 0)
        withParts(value) { mantissa, exponent in parts = (String(decoding: mantissa, as: UTF8.self), exponent) }
        return parts
    }

    /// Calls `body` with the number split as ``parts(_:)`` splits it: the bytes of its mantissa, valid only
    /// during the call, and its decimal exponent. Most numbers are written without making a string.
    ///
    /// The body returns nothing, so that the function is compiled once for every caller, with no generic
    /// result to pass through: it writes what it makes where it captures.
    public func withParts(_ value: Double, _ body: (_ mantissa: UnsafeBufferPointer<UInt8>, _ exponent: Int) -> Void) {
        withText(value) { text in
            guard let e = text.firstIndex(of: UInt8(ascii: "e")) else { return body(text, 0) }
            var exponent = 0
            var negative = false
            for byte in text[(e + 1)...] {
                switch byte {
                case UInt8(ascii: "-"): negative = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"): exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                default: break
                }
            }
            return body(UnsafeBufferPointer(rebasing: text[..<e]), negative ? -exponent : exponent)
        }
    }

    /// `value` rounded to this format's significant digits: the number that prints as those digits.
    public func rounded(_ value: Double) -> Double {
        Rounding(significantDigits: significantDigits)(value)
    }

    /// The number as plain text in JSON syntax: `0.1`, `2`, `0.2490`, `-3.500e-07`.
    public func string(_ value: Double) -> String {
        var string = ""
        withText(value) { string = String(decoding: $0, as: UTF8.self) }
        return string
    }

    /// Calls `body` with the bytes of ``string(_:)``, valid only during the call: written straight into a
    /// buffer from the binary shortcut's digits for most numbers, from a string otherwise.
    private func withText(_ value: Double, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if value != 0, let digits = significantDigits {
            let padded = keepsTrailingZeros && !exactValues.contains(Swift.abs(value))
            if Self.withRoundedByScaling(value, to: digits, padded: padded, body) { return }
            if let decimal = SignificantDigits(value) {
                var text = decimal.rounded(to: digits).gStyle(significantDigits: digits, padded: padded)
                return text.withUTF8(body)
            }
        }
        var text = value == 0 ? "0" : value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int64(value)) : value.description
        return text.withUTF8(body)
    }

    /// This format with `values` printed as they are given, unpadded.
    public func printing(exactly values: [Double]) -> NumberFormat {
        let magnitudes = values.lazy.map { Swift.abs($0) }
        // A picture's format usually has its handout's given values already: then nothing is copied.
        guard significantDigits != nil, magnitudes.contains(where: { !exactValues.contains($0) }) else { return self }
        var format = self
        format.exactValues.formUnion(magnitudes)
        return format
    }

    /// Calls `body` with `value` rounded to `digits` significant digits and written as ``string(_:)`` writes it,
    /// from the whole number of its digits that the binary shortcut of ``Rounding`` computes (most values),
    /// without reading back its shortest decimal; false, without calling `body`, near a tie, where only the
    /// decimal digits decide.
    private static func withRoundedByScaling(_ value: Double, to digits: Int, padded: Bool,
                                             _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard let (kept, scale) = Rounding.scaledDigits(of: value, to: digits, unlessWithin: 1e-14 * Swift.abs(value)) else {
            return false
        }
        var whole = UInt64(kept)
        var exponent = digits - 1 - scale
        var count = digits
        if whole == UInt64(Rounding.powerOfTen(digits)) {
            whole /= 10
            exponent += 1
        }
        while count > 1 && whole % 10 == 0 {
            whole /= 10
            count -= 1
        }
        let capacity = count + SignificantDigits.gStyleCapacity(digits: count, exponent: exponent, significantDigits: digits)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            for index in stride(from: count - 1, through: 0, by: -1) {
                buffer[index] = UInt8(whole % 10)
                whole /= 10
            }
            let text = UnsafeMutableBufferPointer(rebasing: buffer[count...])
            let length = SignificantDigits.writeGStyle(into: text, isNegative: value < 0, digits: UnsafeBufferPointer(rebasing: buffer[..<count]),
                                                       exponent: exponent, significantDigits: digits, padded: padded)
            body(UnsafeBufferPointer(rebasing: text[..<length]))
        }
        return true
    }
}
