import BackpropKit

// The escaping of the data formats, one place each: JSON string literals, and text inside XML (SVG) or
// Graphviz's HTML-like labels, which read the same entities.

extension String {
    /// The string's contents escaped for a JSON string literal: quotes, backslashes and control characters.
    var jsonEscaped: String {
        replacingScalars(["\"": "\\\"", "\\": "\\\\", "\n": "\\n"]) { $0.value < 0x20 ? "\\u" + $0.hexadecimal() : nil }
    }

    /// The string as a JSON string literal, in quotes.
    var jsonQuoted: String { "\"" + jsonEscaped + "\"" }

    /// The text safe inside an XML element or a quoted attribute (and a Graphviz HTML-like label): `& < > " '`
    /// as entities, and the control characters XML 1.0 forbids replaced by U+FFFD.
    var xmlEscaped: String {
        replacingScalars(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"]) { scalar in
            let forbidden = scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
            return forbidden ? "\u{FFFD}" : nil
        }
    }
}
