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
        return fence + padding + self + padding + fence
    }
}
