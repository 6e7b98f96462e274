extension String {
    /// The most characters of a user's input an error message repeats.
    package static let echoLimit = 200

    /// The text as an error message repeats it: at most ``echoLimit`` characters, cut with "…", and every
    /// control character written visibly (`\n`, `\r`, `\t`, `\u{1B}`) so that the message stays one line
    /// and nothing in it reaches the terminal as a command.
    package var echoed: String {
        var result = ""
        var count = 0
        for character in self {
            if count == Self.echoLimit {
                result += "…"
                break
            }
            count += 1
            guard character.unicodeScalars.contains(where: \.isEchoedEscaped) else {
                result.append(character)
                continue
            }
            result += String(character).replacingScalars(["\n": "\\n", "\r": "\\r", "\t": "\\t"]) { scalar in
                scalar.isEchoedEscaped ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" : nil
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// Whether an error message writes the scalar as an escape: the C0 and C1 control characters, DEL, the
    /// line and paragraph separators, and the bidirectional controls that reorder what a terminal shows.
    package var isEchoedEscaped: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension String {
    /// The text as one line, for a title or an author: line breaks, tabs and other control characters
    /// become spaces, runs of spaces one space, and the ends are trimmed.
    package var oneLine: String {
        var result = ""
        var pendingSpace = false
        for character in self {
            if character.isWhitespace || character.unicodeScalars.contains(where: \.isEchoedEscaped) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result += " " }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
