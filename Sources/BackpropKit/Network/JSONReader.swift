/// A strict RFC 8259 JSON reader on bytes, pulled value by value by a decoder that knows the shape it
/// expects, as ``NetworkFile/decode(_:)`` does.
///
/// It never recurses on the input: the decoder's shape bounds the nesting it walks, and a value it does not
/// expect is skipped with an explicit stack. So no input can overflow the call stack, and every problem is
/// reported with its line and column, counted in Unicode scalars from 1. It accepts exactly RFC 8259:
/// no trailing commas, comments, single quotes, leading zeros, `NaN` or control characters in strings; a
/// number too small for a double reads as 0, one too large is refused. A name given twice in one object is
/// refused too, since which of the two counts would be a guess.
package struct JSONReader {
    /// The kinds of value a JSON text holds, for error messages.
    package enum Kind: Equatable, Sendable {
        case null, boolean, number, string, array, object

        /// "a number", as in "expected a number, found a string".
        package var phrase: String {
            switch self {
            case .null: return "null"
            case .boolean: return "a boolean"
            case .number: return "a number"
            case .string: return "a string"
            case .array: return "an array"
            case .object: return "an object"
            }
        }
    }

    /// A problem with the text: `offset` is the byte where it is.
    package struct Failure: Error, Equatable, Sendable {
        /// The JSON path of the value at fault (`$` for the syntax), as in `layers[0].weights`.
        package var path: String
        /// What is wrong, a plain phrase.
        package var reason: String
        /// The byte offset where the problem is.
        package var offset: Int
        /// Whether the text is not JSON at all, rather than JSON of another shape.
        package var isSyntax: Bool
    }

    private let bytes: [UInt8]
    /// The offset of the next byte to read.
    private(set) var offset = 0

    /// A reader of `bytes`, after a UTF-8 byte order mark if there is one.
    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    // MARK: - Locations

    /// The 1-based line and column of `offset`, the column counted in Unicode scalars.
    package func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// "line 2, column 14".
    package func describeLocation(of offset: Int) -> String {
        let (line, column) = location(of: offset)
        return "line \(line), column \(column)"
    }

    private func syntax(_ problem: String, at offset: Int) -> Failure {
        Failure(path: "$", reason: problem, offset: offset, isSyntax: true)
    }

    /// A syntax failure naming the byte found at `offset`, or the end of the text.
    private func unexpected(at offset: Int, expected: String) -> Failure {
        guard offset < bytes.count else { return syntax("the text ends where \(expected) was expected", at: offset) }
        return syntax("expected \(expected) but found \(Self.describe(byte: bytes[offset]))", at: offset)
    }

    /// `'x'` for a printable ASCII byte, `byte 0x00` otherwise.
    private static func describe(byte: UInt8) -> String {
        if (0x21..<0x7F).contains(byte) { return "'" + String(UnicodeScalar(byte)) + "'" }
        let digits = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (digits.count == 1 ? "0" : "") + digits
    }

    /// A failure of shape: the value at `path`, starting at `offset`, is not what the decoder expected.
    package func shape(_ reason: String, path: String, at offset: Int) -> Failure {
        Failure(path: path, reason: reason, offset: offset, isSyntax: false)
    }

    // MARK: - Values

    /// Skips spaces, tabs, line feeds and carriage returns: JSON's whitespace, and no other.
    private mutating func skipWhitespace() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0A || bytes[offset] == 0x0D {
            offset += 1
        }
    }

    /// The kind of the next value, after whitespace, and its offset.
    /// - Throws: A syntax failure when no value starts there.
    package mutating func peek() throws(Failure) -> (kind: Kind, offset: Int) {
        skipWhitespace()
        guard offset < bytes.count else { throw unexpected(at: offset, expected: "a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return (.object, offset)
        case UInt8(ascii: "["): return (.array, offset)
        case UInt8(ascii: "\""): return (.string, offset)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return (.number, offset)
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return (.boolean, offset)
        case UInt8(ascii: "n"): return (.null, offset)
        default: throw unexpected(at: offset, expected: "a value")
        }
    }

    /// Reads the number at the current offset.
    package mutating func readNumber(path: String) throws(Failure) -> Double {
        skipWhitespace()
        let start = offset
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.offset
            while reader.offset < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.offset]) {
                reader.offset += 1
            }
            return reader.offset - first
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
                throw syntax("a number cannot start with 0 followed by a digit", at: start)
            }
        } else if digits(&self) == 0 {
            throw unexpected(at: offset, expected: "a digit")
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits(&self) > 0 else { throw unexpected(at: offset, expected: "a digit after the decimal point") }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits(&self) > 0 else { throw unexpected(at: offset, expected: "a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            throw shape("the number \(shown) is beyond the range of a double", path: path, at: start)
        }
        return value
    }

    /// Reads the string at the current offset, its escapes resolved.
    package mutating func readString() throws(Failure) -> String {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw unexpected(at: offset, expected: "'\"'") }
        let start = offset
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flush(_ reader: JSONReader, upTo end: Int) throws(Failure) {
            guard runStart < end else { return }
            guard let run = String(validating: reader.bytes[runStart..<end], as: UTF8.self) else {
                throw reader.syntax("the string is not valid UTF-8", at: start)
            }
            scalars.append(contentsOf: run.unicodeScalars)
        }
        while true {
            guard offset < bytes.count else { throw syntax("the string is never closed", at: start) }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                try flush(self, upTo: offset)
                offset += 1
                return String(scalars)
            }
            if byte < 0x20 { throw syntax("a control character (\(Self.describe(byte: byte))) must be escaped in a string", at: offset) }
            guard byte == UInt8(ascii: "\\") else {
                offset += 1
                continue
            }
            try flush(self, upTo: offset)
            let escape = offset
            offset += 1
            guard offset < bytes.count else { throw syntax("the string is never closed", at: start) }
            let letter = bytes[offset]
            offset += 1
            switch letter {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hexadecimal(escape: escape)
                if (0xD800...0xDBFF).contains(code) {
                    guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                        throw syntax("the escape of a high surrogate is not followed by a low surrogate", at: escape)
                    }
                    offset += 2
                    let low = try hexadecimal(escape: escape)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw syntax("the escape of a high surrogate is not followed by a low surrogate", at: escape)
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw syntax("a lone surrogate cannot be escaped", at: escape) }
                scalars.append(scalar)
            default:
                throw syntax("'\\\(String(UnicodeScalar(letter)))' is not an escape of JSON", at: escape)
            }
            runStart = offset
        }
    }

    /// The four hexadecimal digits of a `\u` escape.
    private mutating func hexadecimal(escape: Int) throws(Failure) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw syntax("'\\u' needs four hexadecimal digits", at: escape) }
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntax("'\\u' needs four hexadecimal digits", at: escape)
            }
            value = value << 4 | UInt32(digit)
        }
        offset += 4
        return value
    }

    /// Reads `true`, `false` or `null`.
    private mutating func readLiteral() throws(Failure) {
        skipWhitespace()
        for word in ["true", "false", "null"] where bytes[offset...].starts(with: word.utf8) {
            offset += word.utf8.count
            return
        }
        throw unexpected(at: offset, expected: "a value")
    }

    /// Reads `null`.
    package mutating func readNull() throws(Failure) {
        try readLiteral()
    }

    /// Reads the object at the current offset, calling `member` with each name and its offset, positioned
    /// at the member's value, which `member` must read.
    /// - Throws: A syntax failure, or a shape failure for a name given twice.
    package mutating func readObject(path: String, _ member: (inout JSONReader, String, Int) throws(Failure) -> Void) throws(Failure) {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "{") else { throw unexpected(at: offset, expected: "'{'") }
        offset += 1
        var names: Set<String> = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw unexpected(at: offset, expected: "a member name in '\"'") }
            let nameOffset = offset
            let name = try readString()
            guard names.insert(name).inserted else {
                throw shape("the name '\(name.echoed)' is given twice", path: path, at: nameOffset)
            }
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw unexpected(at: offset, expected: "':'") }
            offset += 1
            try member(&self, name, nameOffset)
            if try readSeparator(or: UInt8(ascii: "}"), expected: "',' or '}'") { return }
        }
    }

    /// Reads the array at the current offset, calling `element` with each 0-based index, positioned at the
    /// element, which `element` must read.
    package mutating func readArray(_ element: (inout JSONReader, Int) throws(Failure) -> Void) throws(Failure) {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "[") else { throw unexpected(at: offset, expected: "'['") }
        offset += 1
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return
        }
        var index = 0
        while true {
            try element(&self, index)
            index += 1
            if try readSeparator(or: UInt8(ascii: "]"), expected: "',' or ']'") { return }
        }
    }

    /// After a member or an element: reads the `,` before the next one (returning `false`) or the `closing`
    /// bracket that ends the container (returning `true`).
    private mutating func readSeparator(or closing: UInt8, expected: String) throws(Failure) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw unexpected(at: offset, expected: expected) }
        if bytes[offset] == closing {
            offset += 1
            return true
        }
        guard bytes[offset] == UInt8(ascii: ",") else { throw unexpected(at: offset, expected: expected) }
        offset += 1
        return false
    }

    /// Reads and discards the value at the current offset, however deeply nested, without recursion.
    package mutating func skipValue() throws(Failure) {
        /// The open containers: `true` for an object.
        var open: [Bool] = []
        while true {
            // A value.
            switch try peek().kind {
            case .object:
                offset += 1
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
                    offset += 1
                } else {
                    open.append(true)
                    try skipName()
                    continue
                }
            case .array:
                offset += 1
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
                    offset += 1
                } else {
                    open.append(false)
                    continue
                }
            case .string: _ = try readString()
            case .number: _ = try readNumber(path: "$")
            case .boolean, .null: try readLiteral()
            }
            // After a value: close containers or move to the next element.
            while let isObject = open.last {
                skipWhitespace()
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard offset < bytes.count else { throw unexpected(at: offset, expected: isObject ? "',' or '}'" : "',' or ']'") }
                if bytes[offset] == close {
                    offset += 1
                    open.removeLast()
                    continue
                }
                guard bytes[offset] == UInt8(ascii: ",") else { throw unexpected(at: offset, expected: isObject ? "',' or '}'" : "',' or ']'") }
                offset += 1
                if isObject { try skipName() }
                break
            }
            if open.isEmpty { return }
        }
    }

    /// Skips `"name" :` in an object.
    private mutating func skipName() throws(Failure) {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw unexpected(at: offset, expected: "a member name in '\"'") }
        _ = try readString()
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw unexpected(at: offset, expected: "':'") }
        offset += 1
    }

    /// Checks that nothing but whitespace follows the value read.
    package mutating func readEnd() throws(Failure) {
        skipWhitespace()
        guard offset == bytes.count else { throw syntax("unexpected \(Self.describe(byte: bytes[offset])) after the JSON value", at: offset) }
    }
}
