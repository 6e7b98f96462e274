/// Splits an expression into ``Token``s: numbers (`2`, `0.5`, `.5`, `1e-3`), identifiers (ASCII letters,
/// digits and `_`, not starting with a digit), the operators `+ - * / ^` and parentheses. Spaces, tabs and
/// line breaks separate tokens; columns count characters from 1.
package enum Lexer {
    /// The tokens of `source`, in order.
    /// - Throws: ``ExpressionParseError`` for a character outside the grammar or a number beyond a double.
    package static func tokens(in source: String) throws(ExpressionParseError) -> [Token] {
        let characters = Array(source)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character == " " || character == "\t" || character.isNewline {
                index += 1
                continue
            }
            if let kind = symbolKinds[character] {
                tokens.append(Token(kind: kind, text: String(character), column: column))
                index += 1
                continue
            }
            if character.isASCIIDigit || (character == "." && characters.indices.contains(index + 1) && characters[index + 1].isASCIIDigit) {
                let end = numberEnd(characters, from: index)
                let text = String(characters[index..<end])
                guard let value = Double(text), value.isFinite else { throw ExpressionParseError(.numberOutOfRange(text), column: column) }
                tokens.append(Token(kind: .number(value), text: text, column: column))
                index = end
                continue
            }
            if character.isIdentifierStart {
                var end = index + 1
                while end < characters.count, characters[end].isIdentifierStart || characters[end].isASCIIDigit { end += 1 }
                let name = String(characters[index..<end])
                tokens.append(Token(kind: .identifier(name), text: name, column: column))
                index = end
                continue
            }
            throw ExpressionParseError(.unexpectedCharacter(character), column: column)
        }
        return tokens
    }

    private static let symbolKinds: [Character: Token.Kind] = [
        "+": .plus, "-": .minus, "*": .times, "/": .divide, "^": .power, "(": .leftParenthesis, ")": .rightParenthesis,
    ]

    /// The index after the number starting at `start`: digits, an optional fraction, and an exponent
    /// only when `e` is followed by digits (so `2exp(x)` reads as `2` then `exp`).
    private static func numberEnd(_ characters: [Character], from start: Int) -> Int {
        var end = start
        func digits() { while end < characters.count, characters[end].isASCIIDigit { end += 1 } }
        digits()
        if end < characters.count, characters[end] == "." {
            end += 1
            digits()
        }
        if end < characters.count, characters[end] == "e" || characters[end] == "E" {
            var next = end + 1
            if next < characters.count, characters[next] == "+" || characters[next] == "-" { next += 1 }
            if next < characters.count, characters[next].isASCIIDigit {
                end = next
                digits()
            }
        }
        return end
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isIdentifierStart: Bool { (isASCII && isLetter) || self == "_" }
}
