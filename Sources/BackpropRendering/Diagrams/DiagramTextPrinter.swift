import BackpropKit

/// Prints a ``DiagramText`` in one math syntax (LaTeX math for TikZ, the inside of `$...$`; Unicode for SVG),
/// naming symbols through the diagram's notation and writing numbers in its format.
struct DiagramTextPrinter<Spelling: MathSpelling> {
    /// The printer of expressions and names.
    let printer: MathPrinter<Spelling>

    /// A printer writing `spelling` for the texts of a diagram.
    init(_ spelling: Spelling, notation: any Notation, numbers: NumberFormat) {
        printer = MathPrinter(spelling, notation: notation, numbers: numbers)
    }

    /// The text printed; words as the spelling sets words inside a formula.
    func string(_ text: DiagramText) -> String {
        var output = ""
        let spelling = printer.spelling
        for piece in text.pieces {
            switch piece {
            case .math(let expression):
                output += printer.string(expression)
            case .name(let name):
                printer.write(name, to: &output)
            case .layer(let label):
                // n-1 reads as a difference: the syntax's minus sign.
                output += label.replacing("-", with: spelling.signs.minus)
            case .words(let words):
                output += spelling.words(words)
            case .partial(let quantity, let variable):
                output += spelling.slashedPartial.open
                printer.write(quantity, to: &output)
                output += spelling.slashedPartial.middle
                printer.write(variable, to: &output)
            case .equals:
                output += " = "
            case .plus:
                output += " + "
            case .times:
                output += spelling.signs.times
            case .dots:
                output += spelling.ellipses.horizontal
            case .verticalDots:
                output += spelling.ellipses.vertical
            }
        }
        return output
    }
}
