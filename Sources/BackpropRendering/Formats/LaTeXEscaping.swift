import BackpropKit

extension String {
    /// The ASCII characters LaTeX treats specially in text.
    fileprivate static let latexSpecials = Set("\\{}$%#_&~^<>|".utf8)

    /// Characters of mathematics that LaTeX's text fonts lack, with the math-mode command that prints them.
    fileprivate static let mathCharacters: [Character: String] = [
        "−": "-", "·": "\\cdot", "×": "\\times", "⊙": "\\odot", "∂": "\\partial", "δ": "\\delta", "σ": "\\sigma",
        "η": "\\eta", "∇": "\\nabla", "≈": "\\approx", "≤": "\\le", "≥": "\\ge", "→": "\\to", "′": "'",
        "⁰": "^0", "¹": "^1", "²": "^2", "³": "^3", "⁴": "^4", "⁵": "^5", "⁶": "^6", "⁷": "^7", "⁸": "^8", "⁹": "^9", "⁻": "^-",
        "✓": "\\checkmark", "✗": "\\times",
    ]

    /// The text with LaTeX's special characters written so they print literally.
    package var latexEscaped: String {
        if utf8.allSatisfy({ $0 < 0x80 && !Self.latexSpecials.contains($0) }) { return self }
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "$", "%", "#", "_", "&": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "<": result += "\\textless{}"
            case ">": result += "\\textgreater{}"
            case "|": result += "\\textbar{}"
            default:
                if !character.isASCII, let math = Self.mathCharacters[character] {
                    result += "\\ensuremath{" + math + "}"
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
