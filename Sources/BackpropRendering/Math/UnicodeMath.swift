import BackpropKit

/// Unicode text for a terminal or an SVG label: −, ·, ∂, σ, subscript and superscript digits, fractions
/// on one line with a slash.
public struct UnicodeMath: MathSpelling {
    /// Unicode text.
    public init() {}

    public var stacksFractions: Bool { false }
    public var minus: String { "−" }
    public var times: String { " · " }
    public var adjacentFactors: String { " · " }
    public var adjacentFactorsWidth: Double { 2 }

    public func scientific(_ mantissa: String, exponent: Int) -> String {
        mantissa + "×10" + (UnicodeScripts.superscripted(String(exponent)) ?? "^" + String(exponent))
    }

    public func write(_ name: SymbolName, to output: inout String) {
        output += name.unicode
        if let superscript = name.superscript { output += UnicodeScripts.superscripted(superscript) ?? "^" + superscript }
        guard !name.subscripts.isEmpty else { return }
        let joined = name.subscripts.joined(separator: ",")
        output += UnicodeScripts.subscripted(joined) ?? "_(" + joined + ")"
    }

    public func openParenthesis(tall: Bool) -> String { "(" }
    public func closeParenthesis(tall: Bool) -> String { ")" }
    public func squareBracketed(_ text: String, tall: Bool) -> String { "[" + text + "]" }
    public var approximately: String { " ≈ " }
    public var fraction: (open: String, middle: String, close: String) { ("", "/", "") }
    public var partial: (open: String, middle: String, close: String) { ("∂", "/∂", "") }

    public func writeExponent(_ exponent: String, atom: () -> String, to output: inout String) {
        if let superscript = UnicodeScripts.superscripted(exponent) {
            output += superscript
        } else {
            output += "^"
            output += atom()
        }
    }

    public var squareRoot: (open: String, close: String, argumentIsAtom: Bool) { ("√", "", true) }
    public var absoluteValue: (open: String, close: String) { ("|", "|") }
    public var indicator: String { "𝟙[" }
    public func colorOpening(_ color: String) -> String? { nil }
    public var blank: String { "______________" }

    public var transposeMark: String { "ᵀ" }
    public var hadamard: String { " ⊙ " }
    public var ellipses: (vertical: String, horizontal: String, diagonal: String) { ("⋮", "⋯", "⋱") }
    public var setsMatricesAsBlocks: Bool { true }

    /// `[a, b; c, d]`: rows separated by semicolons, a row of ellipses as one ⋮.
    public func matrix(_ rows: [[String]]) -> String {
        let ellipses = Set([self.ellipses.vertical, self.ellipses.horizontal, self.ellipses.diagonal])
        return "[" + rows.map { row in
            row.allSatisfy(ellipses.contains) ? self.ellipses.vertical : row.joined(separator: ", ")
        }.joined(separator: "; ") + "]"
    }

    public func primed(_ name: String, hasSuperscript: Bool) -> String { name + "′" }
    public func words(_ text: String) -> String { text }
    public var slashedPartial: (open: String, middle: String) { ("∂", "/∂") }
}
