import BackpropKit

/// LaTeX math, for LaTeX documents and for the `$…$` math of Markdown renderers (GitHub, pandoc):
/// `\frac`, `\partial`, `_{…}`, `^{…}`, `\left(`, `\textcolor`.
public struct LaTeXMath: MathSpelling {
    /// Where the math is read, which decides the colour command and the blank.
    public enum Flavor: Sendable {
        /// A LaTeX document with xcolor: `\textcolor{c}{…}`, blanks `\underline{\hspace{3.5cm}}`.
        case document
        /// Markdown math (MathJax, KaTeX): `{\color{c}…}`, blanks of `\qquad`.
        case markdown
    }

    /// Where the math is read.
    public let flavor: Flavor

    /// LaTeX math for `flavor`.
    public init(flavor: Flavor = .document) {
        self.flavor = flavor
    }

    public var stacksFractions: Bool { true }
    public var minus: String { "-" }
    public var times: String { " \\cdot " }
    public var adjacentFactors: String { " " }
    public var adjacentFactorsWidth: Double { 1 }

    public func scientific(_ mantissa: String, exponent: Int) -> String {
        mantissa + " \\times 10^{" + String(exponent) + "}"
    }

    public func write(_ name: SymbolName, to output: inout String) {
        if name.isOperator {
            output += "\\operatorname{"
            output += name.latex
            output += "}"
        } else {
            output += name.latex
        }
        if !name.subscripts.isEmpty {
            output += "_{"
            for (index, part) in name.subscripts.enumerated() {
                if index > 0 { output += "," }
                output += part
            }
            output += "}"
        }
        if let superscript = name.superscript {
            output += "^{"
            output += superscript
            output += "}"
        }
    }

    public func openParenthesis(tall: Bool) -> String { tall ? "\\left(" : "(" }
    public func closeParenthesis(tall: Bool) -> String { tall ? "\\right)" : ")" }
    public func squareBracketed(_ text: String, tall: Bool) -> String { tall ? "\\left[" + text + "\\right]" : "[" + text + "]" }
    public var approximately: String { " \\approx " }
    public var fraction: (open: String, middle: String, close: String) { ("\\frac{", "}{", "}") }
    public var partial: (open: String, middle: String, close: String) { ("\\frac{\\partial ", "}{\\partial ", "}") }

    public func writeExponent(_ exponent: String, atom: () -> String, to output: inout String) {
        output += "^{"
        output += exponent
        output += "}"
    }

    public var squareRoot: (open: String, close: String, argumentIsAtom: Bool) { ("\\sqrt{", "}", false) }
    public var absoluteValue: (open: String, close: String) { ("\\left|", "\\right|") }
    public var indicator: String { "\\mathbf{1}[" }

    public func colorOpening(_ color: String) -> String? {
        switch flavor {
        case .document: return "\\textcolor{" + color + "}{"
        case .markdown: return "{\\color{" + color + "}"
        }
    }

    public var blank: String {
        switch flavor {
        case .document: return "\\underline{\\hspace{3.5cm}}"
        case .markdown: return "\\underline{\\qquad\\qquad\\qquad\\qquad}"
        }
    }

    public var transposeMark: String { "^{\\top}" }
    public var hadamard: String { " \\odot " }
    public var ellipses: (vertical: String, horizontal: String, diagonal: String) { ("\\vdots", "\\cdots", "\\ddots") }
    public var setsMatricesAsBlocks: Bool { false }

    public func matrix(_ rows: [[String]]) -> String {
        "\\begin{bmatrix} " + rows.map { $0.joined(separator: " & ") }.joined(separator: " \\\\ ") + " \\end{bmatrix}"
    }

    public func primed(_ name: String, hasSuperscript: Bool) -> String {
        (hasSuperscript ? "{" + name + "}" : name) + "'"
    }

    public func words(_ text: String) -> String { "\\text{" + text.latexEscaped + "}" }
    public var slashedPartial: (open: String, middle: String) { ("\\partial ", "/\\partial ") }
}
