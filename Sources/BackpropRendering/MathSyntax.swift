/// The math syntax an ``ExpressionPrinter`` writes.
public enum MathSyntax: Sendable {
    /// LaTeX math, colouring with `\textcolor{c}{...}`.
    case latex
    /// LaTeX math for Markdown renderers (GitHub, pandoc), colouring with `{\color{c}...}`.
    case markdownMath
    /// Unicode text for a terminal: ∂, δ, σ, subscript digits.
    case unicode

    var isLaTeX: Bool { self != .unicode }
}
