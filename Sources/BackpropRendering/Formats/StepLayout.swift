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
    /// The width of the symbol column when the steps are aligned as one block: the widest symbol of the
    /// block, which every row of the block is set after; `nil` when a row follows its own symbol only.
    let symbolColumn: Double?
    /// The text of the form being placed and of the one before it, kept between steps for their capacity.
    private let scratch: Scratch

    /// A step layout for `printer` with lines of `budget` characters, the rows set after a symbol column
    /// `symbolColumn` characters wide, or after each step's own symbol when `nil`.
    init(printer: MathPrinter<Spelling>, budget: Double, symbolColumn: Double? = nil) {
        self.printer = printer
        self.budget = budget
        self.symbolColumn = symbolColumn
        self.scratch = Scratch(equals: printer.spelling.signs.equals)
    }

    /// The rows of `step`'s forms and value, each form after the first on the same row when it fits.
    func rows(for step: Step) -> [Row] {
        layOut(step).rows
    }

    /// The step's symbol as printed, and the rows of its forms and value, each form after the first on the
    /// same row when it fits.
    func layOut(_ step: Step) -> (symbol: String, rows: [Row]) {
        var collector = RowCollector<Spelling>()
        layOut(step, into: &collector)
        return (collector.symbol, collector.rows)
    }

    /// Lays out `step` into `sink`: its symbol, then its rows in order, each started and then filled.
    ///
    /// Each form is printed once, into a buffer reused from step to step: the walk that prints it also
    /// measures it, and a sum too wide for a row is cut into rows at the term ends the printer reports.
    func layOut<Sink: StepRowSink>(_ step: borrowing Step, into sink: inout Sink) {
        var texts = scratch.take()
        defer { scratch.keep(&texts) }
        let symbolWidth = printer.write(step.symbol, to: &texts.previous)
        sink.writeSymbol(texts.previous)
        let column = Swift.max(symbolWidth, symbolColumn ?? 0)
        var placement = Placement(available: Swift.max(budget - column, budget / 2), equals: scratch.equals)

        // The last form is left out when it is the value itself, unless it is a blank.
        let last: (part: Step.Part, isValue: Bool)?
        if let form = step.substituted { last = (.substituted, form.constantValue == step.value) }
        else if let form = step.concrete { last = (.concrete, form.constantValue == step.value) }
        else if let form = step.general { last = (.general, form.constantValue == step.value) }
        else { last = nil }
        // What the nested function uses of the step, taken out of it: capturing the step would copy it.
        let blanks = step.blanks
        let dropped = last.flatMap { $0.isValue && (blanks.isEmpty || !blanks.contains($0.part)) ? $0.part : nil }
        func consider(_ part: Step.Part, _ form: Expression?) {
            guard let form, part != dropped else { return }
            if !blanks.isEmpty && blanks.contains(part) {
                placeBlank(hiding: printer.width(of: form), in: &placement, into: &sink)
                return
            }
            texts.text.removeAll()
            let (width, ends) = printer.writeMeasuringTerms(form, to: &texts.text)
            place(form, width: width, ends: ends, texts: &texts, in: &placement, into: &sink)
        }
        consider(.general, step.general)
        consider(.concrete, step.concrete)
        consider(.substituted, step.substituted)
        if !blanks.isEmpty && blanks.contains(.value) {
            placeBlank(hiding: printer.width(of: step.value), in: &placement, into: &sink)
        } else {
            texts.text.removeAll()
            let width = printer.append(step.value, to: &texts.text)
            place(.constant(step.value), width: width, ends: nil, texts: &texts, in: &placement, into: &sink)
        }
    }

    /// Places a blank as wide as the answer it hides, `width` characters of printed math.
    private func placeBlank<Sink: StepRowSink>(hiding width: Double, in placement: inout Placement, into sink: inout Sink) {
        let blank = UTF8Text(printer.blank(width: width))
        let blankWidth = width + 2
        if placement.hasRow, placement.width + 3 + blankWidth <= placement.available {
            sink.append(placement.equals, 0..<placement.equals.count)
            sink.appendBlank(blank)
            placement.width += 3 + blankWidth
        } else {
            placement.startRow(startsForm: true, into: &sink)
            sink.appendBlank(blank)
            placement.width = blankWidth + 2
        }
    }

    /// Places the form printed in `texts.text`, of estimated `width`, unless it reads as the one before.
    private func place<Sink: StepRowSink>(_ form: Expression, width formWidth: Double, ends: [MathPrinter<Spelling>.TermEnd]?,
                                          texts: inout Texts, in placement: inout Placement, into sink: inout Sink) {
        if texts.text == texts.previous { return }
        swap(&texts.previous, &texts.text)
        let text = texts.previous
        let available = placement.available
        if placement.hasRow, placement.width + 3 + formWidth <= available {
            sink.append(placement.equals, 0..<placement.equals.count)
            sink.append(text, 0..<text.count)
            placement.width += 3 + formWidth
            return
        }
        if formWidth <= available {
            placement.startRow(startsForm: true, into: &sink)
            sink.append(text, 0..<text.count)
            placement.width = formWidth + 2
            return
        }
        guard let ends else {
            // A single term too wide for a row stands alone on it.
            let terms = form.summands
            placement.startRow(startsForm: true, into: &sink)
            if !terms.isEmpty { sink.append(text, 0..<text.count) }
            placement.width = terms.first.map { printer.width(of: $0) + 3 } ?? 0
            return
        }
        var rowStart = 0
        var rowEnd = 0
        var currentWidth = 0.0
        var startsForm = true
        for end in ends {
            let termWidth = end.width + 3
            if rowEnd > rowStart && currentWidth + termWidth > available {
                placement.startRow(startsForm: startsForm, into: &sink)
                sink.append(text, rowStart..<rowEnd)
                startsForm = false
                rowStart = rowEnd + 1
                currentWidth = 4
            }
            rowEnd = end.offset
            currentWidth += termWidth
        }
        placement.startRow(startsForm: startsForm, into: &sink)
        sink.append(text, rowStart..<rowEnd)
        placement.width = currentWidth
    }

    /// Whether a row has been started, and the estimated width of the last.
    private struct Placement {
        let available: Double
        /// The spelling's ` = `, as bytes.
        let equals: UTF8Text
        var hasRow = false
        var width = 0.0

        mutating func startRow<Sink: StepRowSink>(startsForm: Bool, into sink: inout Sink) {
            sink.startRow(startsForm: startsForm)
            hasRow = true
        }
    }

    /// The text of the form being placed and of the one before it.
    private struct Texts {
        var text = UTF8Text(capacity: 1024)
        var previous = UTF8Text(capacity: 1024)
    }

    /// Buffers kept from step to step, and the pieces every step writes.
    private final class Scratch {
        private var texts = Texts()
        /// The spelling's ` = `.
        let equals: UTF8Text

        init(equals: String) {
            self.equals = UTF8Text(equals)
        }

        /// The texts, emptied, with their capacity; the scratch holds none until ``keep(_:)`` returns them,
        /// so writing them checks no access to the scratch.
        func take() -> Texts {
            var taken = Texts(text: UTF8Text(), previous: UTF8Text())
            swap(&taken, &texts)
            taken.text.removeAll()
            taken.previous.removeAll()
            return taken
        }

        /// Keeps `texts` for the next ``take()``, leaving empty texts in their place.
        func keep(_ texts: inout Texts) {
            swap(&self.texts, &texts)
        }
    }
}

/// Where ``StepLayout`` puts a step: its symbol, then each row, started and then filled piece by piece.
protocol StepRowSink {
    /// Takes the step's symbol as printed; called first.
    mutating func writeSymbol(_ symbol: UTF8Text)
    /// Starts a row, which begins a form (`= ...`) or continues a long sum.
    mutating func startRow(startsForm: Bool)
    /// Adds the bytes `range` of `text` to the row last started.
    mutating func append(_ text: UTF8Text, _ range: Range<Int>)
    /// Adds a blank for a student to fill in, spelled `blank`, to the row last started.
    mutating func appendBlank(_ blank: UTF8Text)
}

extension StepRowSink {
    /// Adds the blank's spelling like any other text.
    mutating func appendBlank(_ blank: UTF8Text) {
        append(blank, 0..<blank.count)
    }
}

/// The rows as values.
private struct RowCollector<Spelling: MathSpelling>: StepRowSink {
    var symbol = ""
    var rows: [StepLayout<Spelling>.Row] = []

    mutating func writeSymbol(_ symbol: UTF8Text) { self.symbol = symbol.string }
    mutating func startRow(startsForm: Bool) { rows.append(.init(startsForm: startsForm, text: "")) }
    mutating func append(_ text: UTF8Text, _ range: Range<Int>) {
        rows[rows.count - 1].text += text.string(range)
    }
}

/// Steps as the lines of an aligned block, in one buffer written out at once: for each step the symbol,
/// then each row after `formStart` (`&=`) or `continuation`, rows separated by `rowBreak`.
struct AlignedStepLines: StepRowSink {
    /// What starts a row that begins a form, what starts a row that continues a sum, and what separates
    /// two rows, as bytes.
    private let separators: (formStart: UTF8Text, continuation: UTF8Text, rowBreak: UTF8Text)
    /// The steps as written so far.
    private(set) var text = UTF8Text(capacity: 4096)
    private var rowCount = 0

    /// Lines with these separators.
    init(formStart: String, continuation: String, rowBreak: String) {
        separators = (UTF8Text(formStart), UTF8Text(continuation), UTF8Text(rowBreak))
    }

    /// Starts the next step after those written.
    mutating func startStep() {
        rowCount = 0
    }

    /// Empties the buffer, keeping its capacity.
    mutating func clear() {
        text.removeAll()
    }

    /// Adds text after the step's last row.
    mutating func end(with ending: String) { text.append(ending) }

    mutating func writeSymbol(_ symbol: UTF8Text) { text.append(symbol) }
    mutating func startRow(startsForm: Bool) {
        if rowCount > 0 { text.append(separators.rowBreak) }
        text.append(startsForm ? separators.formStart : separators.continuation)
        rowCount += 1
    }
    mutating func append(_ text: UTF8Text, _ range: Range<Int>) { self.text.append(text, range) }
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
