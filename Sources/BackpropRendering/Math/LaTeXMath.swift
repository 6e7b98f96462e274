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

    /// True: `\frac` and `\partial` fractions are stacked.
    public var stacksFractions: Bool { true }
    /// LaTeX's `-` and ` \cdot ` before a number; a space between factors, which LaTeX sets side by side.
    public var signs: MathSigns {
        MathSigns(minus: "-", times: " \\cdot ", adjacentFactors: " ", adjacentFactorsWidth: 1)
    }

    /// `m \times 10^{e}`.
    public func scientific(_ mantissa: String, exponent: Int) -> String {
        mantissa + " \\times 10^{" + String(exponent) + "}"
    }

    /// Writes the name's LaTeX base (in `\operatorname` for an operator) with `_{…}` subscripts and a `^{…}` superscript.
    public func write(_ name: SymbolName, to output: inout some TextOutputStream) {
        if name.isOperator {
            output.write("\\operatorname{")
            output.write(name.latex)
            output.write("}")
        } else {
            output.write(name.latex)
        }
        if !name.subscripts.isEmpty {
            output.write("_{")
            for (index, part) in name.subscripts.enumerated() {
                if index > 0 { output.write(",") }
                output.write(part)
            }
            output.write("}")
        }
        if let superscript = name.superscript {
            output.write("^{")
            output.write(superscript)
            output.write("}")
        }
    }

    /// `\left(` when `tall`, else `(`.
    public func openParenthesis(tall: Bool) -> String { tall ? "\\left(" : "(" }
    /// `\right)` when `tall`, else `)`.
    public func closeParenthesis(tall: Bool) -> String { tall ? "\\right)" : ")" }
    /// `text` in `\left[ … \right]` when `tall`, else in `[ … ]`.
    public func squareBracketed(_ text: String, tall: Bool) -> String { tall ? "\\left[" + text + "\\right]" : "[" + text + "]" }
    /// `\frac{`, `}{`, `}`.
    public var fraction: (open: String, middle: String, close: String) { ("\\frac{", "}{", "}") }
    /// `\frac{\partial `, `}{\partial `, `}`.
    public var partial: (open: String, middle: String, close: String) { ("\\frac{\\partial ", "}{\\partial ", "}") }

    /// Writes `^{exponent}`.
    public func writeExponent(_ exponent: String, atom: () -> String, to output: inout String) {
        output += "^{"
        output += exponent
        output += "}"
    }

    /// `\sqrt{`, `}`; any argument.
    public var squareRoot: (open: String, close: String, argumentIsAtom: Bool) { ("\\sqrt{", "}", false) }
    /// `\left|`, `\right|`.
    public var absoluteValue: (open: String, close: String) { ("\\left|", "\\right|") }
    /// `\mathbf{1}[`.
    public var indicator: String { "\\mathbf{1}[" }

    /// `\textcolor{c}{` in a document, `{\color{c}` in Markdown math.
    public func colorOpening(_ color: String) -> String? {
        switch flavor {
        case .document: return "\\textcolor{" + color + "}{"
        case .markdown: return "{\\color{" + color + "}"
        }
    }

    /// An underlined space as wide as the answer, half an em a character and a little more: `\hspace` in a
    /// document, `\qquad`s (2 em each) in Markdown math.
    public func blank(width: Double) -> String {
        let ems = Swift.max(2, (width * 0.5 + 1).rounded(.up))
        switch flavor {
        case .document: return "\\underline{\\hspace{\(Int(ems))em}}"
        case .markdown: return "\\underline{" + String(repeating: "\\qquad", count: Int((ems / 2).rounded(.up))) + "}"
        }
    }

    /// `^{\top}`.
    public var transposeMark: String { "^{\\top}" }
    /// ` \odot `.
    public var hadamard: String { " \\odot " }
    /// `\vdots`, `\cdots`, `\ddots`.
    public var ellipses: (vertical: String, horizontal: String, diagonal: String) { ("\\vdots", "\\cdots", "\\ddots") }
    /// False: matrices are set by a `bmatrix` environment.
    public var setsMatricesAsBlocks: Bool { false }

    /// A `bmatrix` environment of the cells: on one line in a document; in Markdown math one row per line,
    /// since GitHub collapses a `\\` in the middle of a line.
    public func matrix(_ rows: [[String]]) -> String {
        let rows = rows.map { $0.joined(separator: " & ") }
        switch flavor {
        case .document: return "\\begin{bmatrix} " + rows.joined(separator: " \\\\ ") + " \\end{bmatrix}"
        case .markdown: return "\\begin{bmatrix}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{bmatrix}"
        }
    }

    /// The name with a prime `'`, braced first when it has a superscript.
    public func primed(_ name: String, hasSuperscript: Bool) -> String {
        (hasSuperscript ? "{" + name + "}" : name) + "'"
    }

    /// The text in `\text{…}`, escaped.
    public func words(_ text: String) -> String { "\\text{" + text.latexEscaped + "}" }
    /// `\partial `, `/\partial `.
    public var slashedPartial: (open: String, middle: String) { ("\\partial ", "/\\partial ") }
}
