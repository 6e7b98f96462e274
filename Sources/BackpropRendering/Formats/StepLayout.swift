import BackpropKit

/// Breaks the right-hand side of a step into rows that fit a line: each row either starts a new form
/// (`= ...`) or continues a long sum (`+ ...`), so wide sums wrap instead of running off the page.
struct StepLayout<Spelling: MathSpelling> {
    /// One row of a step's right-hand side.
    struct Row: Equatable {
        /// Whether the row starts with `=` (a new form) rather than continuing a sum.
        var startsForm: Bool
        /// The row's text, without the leading `=`.
        var text: String
    }

    let printer: MathPrinter<Spelling>
    /// The width a line may take, in characters of the estimated printed width.
    let budget: Double

    /// The estimated width of a blank to fill in.
    static var blankWidth: Double { 14 }

    /// The rows of `step`'s forms and value, each form after the first on the same row when it fits.
    func rows(for step: Step) -> [Row] {
        var parts = step.parts
        if let last = parts.last, last.form.constantValue == step.value, !step.blanks.contains(last.part) { parts.removeLast() }
        parts.append((.value, .constant(step.value)))
        let available = Swift.max(budget - printer.width(of: step.symbol), budget / 2)

        var rows: [Row] = []
        var width = 0.0
        var previous = printer.string(step.symbol)
        for (part, form) in parts {
            if step.blanks.contains(part) {
                if let last = rows.indices.last, width + 3 + Self.blankWidth <= available {
                    rows[last].text += " = " + printer.blank
                    width += 3 + Self.blankWidth
                } else {
                    rows.append(Row(startsForm: true, text: printer.blank))
                    width = Self.blankWidth + 2
                }
                continue
            }
            let text = printer.string(form)
            if text == previous { continue }
            previous = text
            let formWidth = printer.width(of: form)
            if let last = rows.indices.last, width + 3 + formWidth <= available {
                rows[last].text += " = " + text
                width += 3 + formWidth
                continue
            }
            if formWidth <= available {
                rows.append(Row(startsForm: true, text: text))
                width = formWidth + 2
                continue
            }
            let terms = form.summands
            let texts = printer.terms(form)
            var current = ""
            var currentWidth = 0.0
            var startsForm = true
            for (term, text) in zip(terms, texts) {
                let termWidth = printer.width(of: term) + 3
                if !current.isEmpty && currentWidth + termWidth > available {
                    rows.append(Row(startsForm: startsForm, text: current))
                    startsForm = false
                    current = ""
                    currentWidth = 4
                }
                current += current.isEmpty ? text : " " + text
                currentWidth += termWidth
            }
            rows.append(Row(startsForm: startsForm, text: current))
            width = currentWidth
        }
        return rows
    }
}

/// `symbol = value` for each step, as many to a line as fit in `budget`: how the given values are listed.
func valueLines<Spelling>(_ steps: [Step], _ printer: MathPrinter<Spelling>, separator: String, budget: Double) -> [String] {
    var lines: [String] = []
    var line = ""
    var width = 0.0
    for step in steps {
        let value = Expression.constant(step.value)
        let entryWidth = printer.width(of: step.symbol) + printer.width(of: value) + 5
        if !line.isEmpty && width + entryWidth > budget {
            lines.append(line)
            line = ""
            width = 0
        }
        line += (line.isEmpty ? "" : separator) + printer.string(step.symbol) + " = " + printer.string(value)
        width += entryWidth
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
