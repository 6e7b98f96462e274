import BackpropKit

/// Prints a ``DiagramText`` as LaTeX math (the inside of `$...$`) or as Unicode text, naming symbols
/// through the diagram's notation and writing numbers in its format.
struct DiagramTextPrinter {
    /// The printer of expressions and names.
    let printer: ExpressionPrinter

    /// A printer of `syntax` for the texts of `diagram`.
    init(syntax: MathSyntax, notation: any Notation, numbers: NumberFormat) {
        printer = ExpressionPrinter(syntax: syntax, notation: notation, numbers: numbers)
    }

    /// The text printed; LaTeX output is math-mode content, words in `\text{...}`.
    func string(_ text: DiagramText) -> String {
        var output = ""
        let latex = printer.syntax.isLaTeX
        for piece in text.pieces {
            switch piece {
            case .math(let expression):
                output += printer.string(expression)
            case .name(let name):
                printer.write(name, to: &output)
            case .layer(let label):
                output += label
            case .words(let words):
                output += latex ? "\\text{" + words.latexEscaped + "}" : words
            case .partial(let quantity, let variable):
                output += latex ? "\\partial " : "∂"
                printer.write(quantity, to: &output)
                output += latex ? "/\\partial " : "/∂"
                printer.write(variable, to: &output)
            case .equals:
                output += " = "
            case .plus:
                output += " + "
            case .times:
                output += latex ? " \\cdot " : " · "
            case .dots:
                output += latex ? "\\cdots" : "⋯"
            case .verticalDots:
                output += latex ? "\\vdots" : "⋮"
            }
        }
        return output
    }
}
