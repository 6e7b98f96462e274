import BackpropKit

extension String {
    /// The text with Markdown's special characters backslash-escaped so they print literally.
    package var markdownEscaped: String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            switch character {
            case "\\", "*", "_", "`", "<", ">", "|", "[", "]", "#", "$", "~", "{", "}", "!", "^":
                result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}

extension String {
    /// The text as one line of Markdown that prints literally, for a title or an author: line breaks and
    /// other control characters become spaces, so no blank line ends the heading or the emphasis the text
    /// stands in, runs of spaces become one, the ends are trimmed, and every character Markdown or HTML
    /// gives a meaning (`&` of an entity too) is backslash-escaped.
    package var markdownLineEscaped: String {
        var result = ""
        for character in oneLine {
            result += character == "&" ? "\\&" : String(character).markdownEscaped
        }
        return result
    }

    /// The text as a Markdown code span: fenced by one more backtick than its longest run of backticks, and
    /// padded with spaces when it starts or ends with one, so no backtick in it ends the span early.
    var markdownCodeSpan: String {
        var longest = 0, run = 0
        for character in self {
            run = character == "`" ? run + 1 : 0
            longest = Swift.max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = hasPrefix("`") || hasSuffix("`") ? " " : ""
        // A line break inside a span would let a blank line end the paragraph, and the span with it.
        let line = contains(where: \.isNewline) ? String(map { $0.isNewline ? " " : $0 }) : self
        return fence + padding + line + padding + fence
    }
}
