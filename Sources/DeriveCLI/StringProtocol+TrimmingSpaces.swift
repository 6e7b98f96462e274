extension StringProtocol {
    /// The text without the spaces and tabs (any Unicode whitespace but line breaks) at either end, as a user
    /// may type around the items of a list: `"0.5, 0.25"`.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
