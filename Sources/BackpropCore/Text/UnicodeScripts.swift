/// Unicode subscript and superscript letters, so plain text can write x₁ and 10⁻⁷ without markup.
package enum UnicodeScripts {
    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "-": "₋", "+": "₊", "n": "ₙ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "m": "ₘ", ",": ",",
    ]
    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "-": "⁻", "+": "⁺", "−": "⁻", "(": "⁽", ")": "⁾", ",": ",", "n": "ⁿ", "L": "ᴸ", "k": "ᵏ", "l": "ˡ",
    ]

    /// `text` in subscript letters, or `nil` when one of its characters has none.
    package static func subscripted(_ text: String) -> String? { mapped(text, Self.subscripts) }
    /// `text` in superscript letters, or `nil` when one of its characters has none.
    package static func superscripted(_ text: String) -> String? { mapped(text, Self.superscripts) }

    private static func mapped(_ text: String, _ table: [Character: Character]) -> String? {
        var result = ""
        for character in text {
            guard let mapped = table[character] else { return nil }
            result.append(mapped)
        }
        return result
    }
}
