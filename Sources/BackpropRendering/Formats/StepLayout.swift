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
    /// The text of the form being placed and of the one before it, kept between steps for their capacity.
    private let scratch = Scratch()

    /// A step layout for `printer` with lines of `budget` characters.
    init(printer: MathPrinter<Spelling>, budget: Double) {
        self.printer = printer
        self.budget = budget
    }

    /// The estimated width of a blank to fill in.
    static var blankWidth: Double { 14 }

    /// The rows of `step`'s forms and value, each form after the first on the same row when it fits.
    func rows(for step: Step) -> [Row] {
        layOut(step).rows
    }

    /// The step's symbol as printed, and the rows of its forms and value, each form after the first on the
    /// same row when it fits.
    ///
    /// Each form is printed once, into a buffer reused from step to step: the walk that prints it also
    /// measures it, and a sum too wide for a row is cut into rows at the term ends the printer reports.
    func layOut(_ step: Step) -> (symbol: String, rows: [Row]) {
        var symbol = ""
        let symbolWidth = printer.write(step.symbol, to: &symbol)
        var placement = Placement(available: Swift.max(budget - symbolWidth, budget / 2))
        scratch.previous.removeAll(keepingCapacity: true)
        scratch.previous += symbol

        var last = step.substituted.map { (Step.Part.substituted, $0) }
        last = last ?? step.concrete.map { (.concrete, $0) }
        last = last ?? step.general.map { (.general, $0) }
        let dropped = last.flatMap { $0.1.constantValue == step.value && !step.blanks.contains($0.0) ? $0.0 : nil }
        func consider(_ part: Step.Part, _ form: Expression?) {
            guard let form, part != dropped else { return }
            if !step.blanks.isEmpty && step.blanks.contains(part) {
                placement.placeBlank(printer.blank)
                return
            }
            scratch.text.removeAll(keepingCapacity: true)
            let (width, ends) = printer.writeMeasuringTerms(form, to: &scratch.text)
            place(form, width: width, ends: ends, in: &placement)
        }
        consider(.general, step.general)
        consider(.concrete, step.concrete)
        consider(.substituted, step.substituted)
        if !step.blanks.isEmpty && step.blanks.contains(.value) {
            placement.placeBlank(printer.blank)
        } else {
            let value = printer.printed(step.value)
            scratch.text.removeAll(keepingCapacity: true)
            scratch.text += value.text
            place(.constant(step.value), width: value.width, ends: nil, in: &placement)
        }
        return (symbol, placement.rows)
    }

    /// Places the form printed in the scratch text, of estimated `width`, unless it reads as the one before.
    private func place(_ form: Expression, width formWidth: Double, ends: [MathPrinter<Spelling>.TermEnd]?, in placement: inout Placement) {
        let text = scratch.text
        if text == scratch.previous { return }
        swap(&scratch.previous, &scratch.text)
        let available = placement.available
        if let last = placement.rows.indices.last, placement.width + 3 + formWidth <= available {
            placement.rows[last].text += " = "
            placement.rows[last].text += text
            placement.width += 3 + formWidth
            return
        }
        if formWidth <= available {
            placement.rows.append(Row(startsForm: true, text: Self.copy(text)))
            placement.width = formWidth + 2
            return
        }
        guard let ends else {
            // A single term too wide for a row stands alone on it.
            let terms = form.summands
            placement.rows.append(Row(startsForm: true, text: terms.isEmpty ? "" : Self.copy(text)))
            placement.width = terms.first.map { printer.width(of: $0) + 3 } ?? 0
            return
        }
        let utf8 = text.utf8
        var rowStart = 0
        var rowEnd = 0
        var currentWidth = 0.0
        var startsForm = true
        for end in ends {
            let termWidth = end.width + 3
            if rowEnd > rowStart && currentWidth + termWidth > available {
                placement.rows.append(Row(startsForm: startsForm, text: Self.slice(utf8, rowStart, rowEnd)))
                startsForm = false
                rowStart = rowEnd + 1
                currentWidth = 4
            }
            rowEnd = end.offset
            currentWidth += termWidth
        }
        placement.rows.append(Row(startsForm: startsForm, text: Self.slice(utf8, rowStart, rowEnd)))
        placement.width = currentWidth
    }

    /// The rows placed so far, and the estimated width of the last.
    private struct Placement {
        let available: Double
        var rows: [Row] = []
        var width = 0.0

        mutating func placeBlank(_ blank: String) {
            if let last = rows.indices.last, width + 3 + StepLayout.blankWidth <= available {
                rows[last].text += " = "
                rows[last].text += blank
                width += 3 + StepLayout.blankWidth
            } else {
                rows.append(Row(startsForm: true, text: blank))
                width = StepLayout.blankWidth + 2
            }
        }
    }

    /// Buffers kept from step to step.
    private final class Scratch {
        var text = ""
        var previous = ""

        init() {
            text.reserveCapacity(1024)
            previous.reserveCapacity(1024)
        }
    }

    /// A row's own copy of `text`, with room for the forms that may follow it on the row.
    private static func copy(_ text: String) -> String {
        var row = ""
        row.reserveCapacity(text.utf8.count + 48)
        row += text
        return row
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
