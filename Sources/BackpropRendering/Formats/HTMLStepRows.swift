import BackpropKit

/// The rows of one step as the cells of a MathML `<mtable>`, as ``StepLayout`` places them: the symbol and
/// the first row on one line, each further form after `=` and each continued sum indented on a line of its
/// own. A blank value becomes an input holding its answer and tolerance for the page's script to check; any
/// other blank is the spelling's empty box.
struct HTMLStepRows: StepRowSink {
    /// The rows written so far, the last cell left open.
    private(set) var text = UTF8Text(capacity: 1024)
    /// The parts left blank, in the order the layout reaches them.
    private var blankParts: [Step.Part]
    private let step: Step
    private let tolerance: Double
    /// What a screen reader says for the input.
    private let label: String
    private var rowCount = 0

    /// The `=` that opens a row: an infix operator, spaced on both sides, though nothing stands before it in the row.
    static let rowEquals = "<mo form=\"infix\">=</mo>"

    /// The rows of `step`, its blank value checked to within `tolerance`, and its input labelled `label`.
    init(step: Step, tolerance: Double, label: String) {
        self.step = step
        self.tolerance = tolerance
        self.label = label
        let forms = [(Step.Part.general, step.general), (.concrete, step.concrete), (.substituted, step.substituted)]
        blankParts = forms.filter { $0.1 != nil && step.blanks.contains($0.0) }.map(\.0) + (step.blanks.contains(.value) ? [.value] : [])
    }

    mutating func writeSymbol(_ symbol: UTF8Text) {
        text.append("<mtr><mtd>")
        text.append(symbol, 0..<symbol.count)
        text.append("</mtd><mtd>")
    }

    mutating func startRow(startsForm: Bool) {
        if rowCount > 0 { text.append("</mtd></mtr><mtr><mtd></mtd><mtd>") }
        text.append(startsForm ? Self.rowEquals : "<mspace width=\"1em\"/>")
        rowCount += 1
    }

    mutating func append(_ text: UTF8Text, _ range: Range<Int>) {
        self.text.append(text, range)
    }

    /// Adds the spelling's box for a formula; for the value, an input with its mark beside it, both in a
    /// `<span>` so that the `<mtext>` lays them out as one line.
    mutating func appendBlank(_ blank: UTF8Text) {
        let part = blankParts.isEmpty ? nil : blankParts.removeFirst()
        guard part == .value else {
            append(blank, 0..<blank.count)
            return
        }
        text.append("<mtext class=\"check\"><span><input type=\"text\" autocomplete=\"off\" spellcheck=\"false\" size=\"9\"")
        text.append(" aria-label=\"" + label.xmlEscaped + "\" data-answer=\"" + NumberFormat.roundTrip.string(step.value))
        text.append("\" data-tolerance=\"" + NumberFormat.roundTrip.string(tolerance) + "\"/><output class=\"mark\"></output></span></mtext>")
    }
}
