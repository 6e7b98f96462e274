import BackpropKit

/// The rows of an amsmath alignment (`align*`, `aligned`), which the LaTeX and Markdown formats both set:
/// the quantity, then each form after `&=`, a long sum continuing after `&\quad`, rows joined by `\\`.
enum LaTeXAlignment {
    /// What starts a row that begins a form, a row that continues a long sum, and what ends a row.
    static let (formStart, continuation, rowBreak) = (" &= ", " &\\quad ", " \\\\\n")

    /// A reusable buffer that lays out one step after another as alignment rows.
    static var stepLines: AlignedStepLines {
        AlignedStepLines(formStart: formStart, continuation: continuation, rowBreak: rowBreak)
    }

    /// A step's symbol and its rows, as one alignment.
    static func step(_ symbol: String, rows: [StepLayout<LaTeXMath>.Row]) -> String {
        symbol + rows.map { ($0.startsForm ? formStart : continuation) + $0.text }.joined(separator: rowBreak)
    }

    /// A matrix step: the quantity, then each form after `&=` on a row of its own.
    static func matrixStep(_ quantity: String, forms: [String]) -> String {
        forms.enumerated().map { index, form in (index == 0 ? quantity + " " : "") + "&= " + form }.joined(separator: rowBreak)
    }
}
