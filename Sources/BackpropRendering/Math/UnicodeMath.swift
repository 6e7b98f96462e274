import BackpropKit

/// Unicode text for a terminal or an SVG label: −, ·, ∂, σ, subscript and superscript digits, fractions
/// on one line with a slash.
public struct UnicodeMath: MathSpelling {
    /// Unicode text.
    public init() {}

    /// False: fractions and partials are written on one line, a/b and ∂a/∂b.
    public var stacksFractions: Bool { false }
    /// The Unicode minus sign; ` · ` before a number and between factors, so names never run together.
    public var signs: MathSigns {
        MathSigns(minus: "−", times: " · ", adjacentFactors: " · ", adjacentFactorsWidth: 2)
    }

    /// `m×10ᵉ`, the exponent in superscripts.
    public func scientific(_ mantissa: String, exponent: Int) -> String {
        mantissa + "×10" + (UnicodeScripts.superscripted(String(exponent)) ?? "^" + String(exponent))
    }

    /// Writes the name's base with Unicode superscripts and subscripts, or `^` and `_(…)` where a character has none.
    public func write(_ name: SymbolName, to output: inout some TextOutputStream) {
        output.write(name.unicode)
        if let superscript = name.superscript { output.write(UnicodeScripts.superscripted(superscript) ?? "^" + superscript) }
        guard !name.subscripts.isEmpty else { return }
        let joined = name.subscripts.joined(separator: ",")
        output.write(UnicodeScripts.subscripted(joined) ?? "_(" + joined + ")")
    }

    /// `(`, whatever the height.
    public func openParenthesis(tall: Bool) -> String { "(" }
    /// `)`, whatever the height.
    public func closeParenthesis(tall: Bool) -> String { ")" }
    /// `[text]`.
    public func squareBracketed(_ text: String, tall: Bool) -> String { "[" + text + "]" }
    /// ``, `/`, ``.
    public var fraction: (open: String, middle: String, close: String) { ("", "/", "") }
    /// `∂`, `/∂`, ``.
    public var partial: (open: String, middle: String, close: String) { ("∂", "/∂", "") }

    /// Writes Unicode superscripts when every character has one, else `^` and the exponent as an atom.
    public func writeExponent(_ exponent: String, atom: () -> String, to output: inout String) {
        if let superscript = UnicodeScripts.superscripted(exponent) {
            output += superscript
        } else {
            output += "^"
            output += atom()
        }
    }

    /// `√` before an atom.
    public var squareRoot: (open: String, close: String, argumentIsAtom: Bool) { ("√", "", true) }
    /// `|`, `|`.
    public var absoluteValue: (open: String, close: String) { ("|", "|") }
    /// `𝟙[`.
    public var indicator: String { "𝟙[" }
    /// `nil`: plain text has no colour.
    public func colorOpening(_ color: String) -> String? { nil }
    /// A line of underscores two longer than the answer, and at least four.
    public func blank(width: Double) -> String { String(repeating: "_", count: Swift.max(4, Int(width.rounded(.up)) + 2)) }

    /// `ᵀ`.
    public var transposeMark: String { "ᵀ" }
    /// ` ⊙ `.
    public var hadamard: String { " ⊙ " }
    /// `⋮`, `⋯`, `⋱`.
    public var ellipses: (vertical: String, horizontal: String, diagonal: String) { ("⋮", "⋯", "⋱") }
    /// True: matrices are set as blocks of text lines.
    public var setsMatricesAsBlocks: Bool { true }

    /// `[a, b; c, d]`: rows separated by semicolons, a row of ellipses as one ⋮.
    public func matrix(_ rows: [[String]]) -> String {
        let ellipses = Set([self.ellipses.vertical, self.ellipses.horizontal, self.ellipses.diagonal])
        return "[" + rows.map { row in
            row.allSatisfy(ellipses.contains) ? self.ellipses.vertical : row.joined(separator: ", ")
        }.joined(separator: "; ") + "]"
    }

    /// The name with a prime, `′`.
    public func primed(_ name: String, hasSuperscript: Bool) -> String { name + "′" }
    /// The text as it is.
    public func words(_ text: String) -> String { text }
    /// `∂`, `/∂`.
    public var slashedPartial: (open: String, middle: String) { ("∂", "/∂") }
}
