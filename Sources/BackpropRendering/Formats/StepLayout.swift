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
    ///
    /// Each form is printed once: a sum too wide for a row is cut into rows at the term boundaries the
    /// printer reports, and the width of a sum is added up from the widths of its terms.
    func rows(for step: Step) -> [Row] {
        var forms: [(part: Step.Part, form: Expression)] = []
        forms.reserveCapacity(4)
        if let general = step.general { forms.append((.general, general)) }
        if let concrete = step.concrete { forms.append((.concrete, concrete)) }
        if let substituted = step.substituted { forms.append((.substituted, substituted)) }
        if let last = forms.last, last.form.constantValue == step.value, !step.blanks.contains(last.part) { forms.removeLast() }
        forms.append((.value, .constant(step.value)))
        let available = Swift.max(budget - printer.width(of: step.symbol), budget / 2)

        var rows: [Row] = []
        var width = 0.0
        var previous = printer.string(step.symbol)
        for (part, form) in forms {
            if !step.blanks.isEmpty && step.blanks.contains(part) {
                if let last = rows.indices.last, width + 3 + Self.blankWidth <= available {
                    rows[last].text += " = "
                    rows[last].text += printer.blank
                    width += 3 + Self.blankWidth
                } else {
                    rows.append(Row(startsForm: true, text: printer.blank))
                    width = Self.blankWidth + 2
                }
                continue
            }
            var text = ""
            let (formWidth, ends) = printer.writeMeasuringTerms(form, to: &text)
            if text == previous { continue }
            previous = text
            if let last = rows.indices.last, width + 3 + formWidth <= available {
                rows[last].text += " = "
                rows[last].text += text
                width += 3 + formWidth
                continue
            }
            if formWidth <= available {
                rows.append(Row(startsForm: true, text: text))
                width = formWidth + 2
                continue
            }
            guard let ends else {
                // A single term too wide for a row stands alone on it.
                let terms = form.summands
                let termWidth = terms.first.map { printer.width(of: $0) + 3 } ?? 0
                rows.append(Row(startsForm: true, text: terms.isEmpty ? "" : text))
                width = termWidth
                continue
            }
            let utf8 = text.utf8
            var rowStart = 0
            var rowEnd = 0
            var currentWidth = 0.0
            var startsForm = true
            for end in ends {
                let termWidth = end.width + 3
                if rowEnd > rowStart && currentWidth + termWidth > available {
                    rows.append(Row(startsForm: startsForm, text: Self.slice(utf8, rowStart, rowEnd)))
                    startsForm = false
                    rowStart = rowEnd + 1
                    currentWidth = 4
                }
                rowEnd = end.offset
                currentWidth += termWidth
            }
            rows.append(Row(startsForm: startsForm, text: Self.slice(utf8, rowStart, rowEnd)))
            width = currentWidth
        }
        return rows
    }

    /// The text between two UTF-8 offsets.
    private static func slice(_ utf8: String.UTF8View, _ start: Int, _ end: Int) -> String {
        String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]))
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
