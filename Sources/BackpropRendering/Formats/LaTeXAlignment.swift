import BackpropKit

/// The rows of an amsmath alignment (`align*`, `aligned`), which the LaTeX and Markdown formats both set:
/// the quantity, then each form after `&=`, a long sum continuing after `&\quad`, rows joined by `\\`.
enum LaTeXAlignment {
    /// A step's symbol and its rows, as one alignment.
    static func step(_ symbol: String, rows: [StepLayout<LaTeXMath>.Row]) -> String {
        symbol + rows.map { ($0.startsForm ? " &= " : " &\\quad ") + $0.text }.joined(separator: " \\\\\n")
    }

    /// A matrix step: the quantity, then each form after `&=` on a row of its own.
    static func matrixStep(_ quantity: String, forms: [String]) -> String {
        forms.enumerated().map { index, form in (index == 0 ? quantity + " " : "") + "&= " + form }.joined(separator: " \\\\\n")
    }
}
