/// A number as the decimal digits a handout prints: the shortest decimal that reads back as the double
/// (Swift's `description`), rounded to a number of significant digits half away from zero, in decimal.
///
/// Rounding works on the decimal digits, not on the binary value: 0.3925 rounds to 0.393 at three digits
/// although the double nearest to 0.3925 lies just below it, as a person rounding the printed digits would.
struct SignificantDigits: Equatable {
    /// Whether the number is below zero.
    var isNegative: Bool
    /// The significant digits d₁d₂…, without trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The power of ten of d₁.
    var exponent: Int

    /// The shortest round-trip digits of a finite `value`, read from its `description` ("1.5e-07", "12345.0").
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(text: value.description)
    }

    /// The digits of a plain or scientific decimal such as "-0.00125", "12345.0" or "1.5e-07".
    init?(text: String) {
        let bytes = Array(text.utf8)
        isNegative = bytes.first == UInt8(ascii: "-")
        var mantissa: [UInt8] = []
        var pointPosition: Int?
        var index = isNegative || bytes.first == UInt8(ascii: "+") ? 1 : 0
        var power = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): mantissa.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "."): pointPosition = mantissa.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard let parsed = Int(String(decoding: bytes[(index + 1)...], as: UTF8.self)) else { return nil }
                power = parsed
                index = bytes.count
                continue
            default: return nil
            }
            index += 1
        }
        guard !mantissa.isEmpty else { return nil }
        let integerDigits = pointPosition ?? mantissa.count
        guard let first = mantissa.firstIndex(where: { $0 != 0 }) else {
            isNegative = false
            digits = []
            exponent = 0
            return
        }
        var significant = Array(mantissa[first...])
        while significant.last == 0 { significant.removeLast() }
        digits = significant
        exponent = power + integerDigits - first - 1
    }

    /// Whether the number is zero.
    var isZero: Bool { digits.isEmpty }

    /// The number rounded half away from zero to `count` significant digits: 0.3925 → 0.393, −2.5 → −3.
    func rounded(to count: Int) -> SignificantDigits {
        guard digits.count > count else { return self }
        var result = self
        result.digits = Array(digits[..<count])
        if digits[count] >= 5 {
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
        while result.digits.last == 0 { result.digits.removeLast() }
        return result
    }

    /// The number in scientific notation, "-1.5e-7", which `Double(_:)` reads correctly rounded.
    var scientific: String {
        guard let first = digits.first else { return "0" }
        var text = isNegative ? "-" : ""
        text.append(Character(Unicode.Scalar(first + UInt8(ascii: "0"))))
        if digits.count > 1 {
            text += "." + String(digits.dropFirst().map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) })
        }
        return text + "e" + String(exponent)
    }

    /// The number as `%g` writes it with `count` significant digits, except that trailing zeros are kept when
    /// `padded`, and the exponent has no plus sign and two digits unless it needs three: fixed notation for
    /// exponents from −4 to `count` − 1, else `d.ddde±XX` as `1.500e05`, `2.5e-07`. An integer that fits in
    /// fixed notation is written without a point ("2", "-10"): it is exact, no zeros after it are significant.
    func gStyle(significantDigits count: Int, padded: Bool = true) -> String {
        guard !isZero else { return "0" }
        return digits.withUnsafeBufferPointer { digits in
            Self.gStyle(isNegative: isNegative, digits: digits, exponent: exponent, significantDigits: count, padded: padded)
        }
    }

    /// ``gStyle(significantDigits:padded:)`` of the number −1^isNegative · d₁.d₂d₃… · 10^exponent, its
    /// `digits` (each 0...9, at least one, no trailing zero) written straight into the bytes of the text.
    static func gStyle(isNegative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int, significantDigits count: Int,
                       padded: Bool) -> String {
        String(unsafeUninitializedCapacity: gStyleCapacity(digits: digits.count, exponent: exponent, significantDigits: count)) { text in
            writeGStyle(into: text, isNegative: isNegative, digits: digits, exponent: exponent, significantDigits: count, padded: padded)
        }
    }

    /// The most bytes ``writeGStyle(into:isNegative:digits:exponent:significantDigits:padded:)`` writes for
    /// `digits` digits.
    static func gStyleCapacity(digits: Int, exponent: Int, significantDigits count: Int) -> Int {
        // Sign, point, "e-", three exponent digits, up to four leading zeros, the digits and the zeros of an integer.
        let isScientific = exponent < -4 || exponent >= Swift.max(count, 1)
        return 12 + Swift.max(digits, count) + (isScientific ? 0 : Swift.max(0, exponent + 1))
    }

    /// Writes ``gStyle(isNegative:digits:exponent:significantDigits:padded:)`` into `text`, which has room for
    /// ``gStyleCapacity(digits:exponent:significantDigits:)`` bytes, and returns how many it wrote.
    static func writeGStyle(into text: UnsafeMutableBufferPointer<UInt8>, isNegative: Bool, digits: UnsafeBufferPointer<UInt8>,
                            exponent: Int, significantDigits count: Int, padded: Bool) -> Int {
        let isInteger = digits.count <= exponent + 1
        let shown = padded && !(isInteger && exponent >= 0 && exponent < count) ? Swift.max(digits.count, count) : digits.count
        let isScientific = exponent < -4 || exponent >= Swift.max(count, 1)
        var length = 0
        func put(_ byte: UInt8) {
            text[length] = byte
            length += 1
        }
        func putDigits(_ range: Range<Int>) {
            for index in range { put(UInt8(ascii: "0") + (index < digits.count ? digits[index] : 0)) }
        }
        if isNegative { put(UInt8(ascii: "-")) }
        if isScientific {
            putDigits(0..<1)
            if shown > 1 {
                put(UInt8(ascii: "."))
                putDigits(1..<shown)
            }
            put(UInt8(ascii: "e"))
            if exponent < 0 { put(UInt8(ascii: "-")) }
            let magnitude = Swift.abs(exponent)
            if magnitude >= 100 { put(UInt8(ascii: "0") + UInt8(magnitude / 100)) }
            put(UInt8(ascii: "0") + UInt8(magnitude / 10 % 10))
            put(UInt8(ascii: "0") + UInt8(magnitude % 10))
        } else if exponent < 0 {
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "."))
            for _ in 0..<(-exponent - 1) { put(UInt8(ascii: "0")) }
            putDigits(0..<shown)
        } else if shown > exponent + 1 {
            putDigits(0..<(exponent + 1))
            put(UInt8(ascii: "."))
            putDigits((exponent + 1)..<shown)
        } else {
            putDigits(0..<(exponent + 1))
        }
        return length
    }
}
