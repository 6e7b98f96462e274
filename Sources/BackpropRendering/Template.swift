/// A document skeleton with named placeholders `{{name}}`; `{{body}}` marks where the derivation goes.
package struct Template: Sendable, Equatable {
    /// A piece of a template.
    enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    let segments: [Segment]

    /// The template in `text`: `{{` and `}}` around a name of letters, `-` and `_` make a placeholder; every
    /// other brace is text. One pass over the UTF-8, so any text parses in time linear in its length.
    package init(text: String) {
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        /// Where the literal text not yet in `segments` starts.
        var literalStart = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let nameStart = index + 2
            let nameEnd = Self.endOfName(in: bytes, from: nameStart)
            guard nameEnd > nameStart, nameEnd + 1 < bytes.count,
                  bytes[nameEnd] == UInt8(ascii: "}"), bytes[nameEnd + 1] == UInt8(ascii: "}") else {
                // Not a placeholder: the first brace is text, and a placeholder may start at the second.
                index += 1
                continue
            }
            if literalStart < index {
                segments.append(.literal(String(decoding: bytes[literalStart..<index], as: UTF8.self)))
            }
            segments.append(.placeholder(String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)))
            index = nameEnd + 2
            literalStart = index
        }
        if literalStart < bytes.count {
            segments.append(.literal(String(decoding: bytes[literalStart...], as: UTF8.self)))
        }
        self.segments = segments
    }

    /// The end of the run of name characters (letters, marks, `-` and `_`) starting at `start`.
    private static func endOfName(in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") else {
                    return index
                }
                index += 1
                continue
            }
            // A non-ASCII scalar: decode it and ask whether it is a letter or a mark.
            var iterator = bytes[index...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return index }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark:
                index += String(scalar).utf8.count
            default:
                return index
            }
        }
        return index
    }

    /// The LaTeX handout skeleton shipped in `templates/handout.tex`.
    package static let latexHandout = Template(text: EmbeddedTemplates.handoutTeX)
    /// The Markdown handout skeleton shipped in `templates/handout.md`.
    package static let markdownHandout = Template(text: EmbeddedTemplates.handoutMarkdown)
    /// The HTML page skeleton shipped in `templates/handout.html`.
    package static let htmlHandout = Template(text: EmbeddedTemplates.handoutHTML)

    /// The names of the placeholders used.
    package var placeholders: [String] {
        segments.compactMap { if case .placeholder(let name) = $0 { return name } else { return nil } }
    }

    /// The template with each placeholder replaced by its value (empty when it has none), cut where
    /// `{{body}}` stands: the body goes between each two pieces.
    package func pieces(_ values: [String: String]) -> [String] {
        var pieces = [""]
        for segment in segments {
            switch segment {
            case .literal(let text): pieces[pieces.count - 1] += text
            case .placeholder("body"): pieces.append("")
            case .placeholder(let name): pieces[pieces.count - 1] += values[name] ?? ""
            }
        }
        return pieces
    }
}
