extension String {
    /// The text with each Unicode scalar in `table` replaced by its entry, and any other scalar for which
    /// `other` gives a replacement replaced by that: the one loop behind every escaping derive does
    /// (JSON, XML, roff, shell quotes), each a table of its own.
    package func replacingScalars(_ table: [Unicode.Scalar: String], otherwise other: (Unicode.Scalar) -> String? = { _ in nil }) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let replacement = table[scalar] ?? other(scalar) {
                result += replacement
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// The scalar's value in hexadecimal, at least `digits` wide with leading zeros: `001b` for ESC.
    package func hexadecimal(digits: Int = 4, uppercase: Bool = false) -> String {
        let hex = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: Swift.max(0, digits - hex.count)) + hex
    }
}
