import BackpropKit

/// Writes a handout as plain Unicode text for a terminal: ∂, δ, σ and subscript digits, prose wrapped to
/// the line width, continuation lines aligned under the first `=`.
package struct TextFormatter: HandoutFormatter {
    /// What the formatter writes besides the handout's blocks.
    package struct Options: Sendable {
        /// The line width prose is wrapped to.
        package var width: Int

        /// An 80-column terminal.
        package static let `default` = Options()

        /// Options wrapping prose to `width` columns.
        package init(width: Int = 80) {
            self.width = width
        }
    }

    /// The options.
    package let options: Options
    private var printer = MathPrinter(UnicodeMath(), notation: NoteNotation(depth: 1))
    /// Whether the last block was a heading, which a paragraph follows without a blank line.
    private var followsHeading = false

    /// A formatter with `options`.
    package init(options: Options = .default) {
        self.options = options
    }

    private var lineBudget: Double { Double(options.width - 4) }

    package mutating func begin(_ handout: Handout) -> [String] {
        printer = MathPrinter(UnicodeMath(), notation: handout.notation, numbers: handout.numbers)
        followsHeading = false
        let title = handout.info.title.oneLine
        let byline = handout.info.byline.map(\.oneLine).filter { !$0.isEmpty }
        return [title + "\n" + String(repeating: "═", count: title.count) + "\n" + (byline.isEmpty ? "" : byline.joined(separator: ", ") + "\n"), ""]
    }

    package mutating func visitHeading(_ heading: Heading, to output: inout some TextOutputStream) {
        followsHeading = true
        switch heading.level {
        case 1:
            let title = inline(heading.title.map(\.capitalized))
            output.write("\n\n" + title + "\n" + String(repeating: "═", count: title.count) + "\n")
        case 2:
            let title = inline(heading.title)
            output.write("\n" + title + "\n" + String(repeating: "─", count: title.count) + "\n")
        default:
            output.write("\n▸ " + inline(heading.title) + "\n")
        }
    }

    package mutating func visitParagraph(_ phrases: [Phrase], to output: inout some TextOutputStream) {
        if !followsHeading { output.write("\n") }
        followsHeading = false
        output.write(inline(phrases).wrapped(toWidth: options.width).joined(separator: "\n") + "\n")
    }

    package mutating func visitGivenValues(_ steps: [Step], to output: inout some TextOutputStream) {
        followsHeading = false
        output.write("\n")
        for line in valueLines(steps, printer, separator: ",  ", budget: lineBudget) { output.write("  " + line + "\n") }
    }

    package mutating func visitEquations(_ steps: [Step], to output: inout some TextOutputStream) {
        followsHeading = false
        let layout = StepLayout(printer: printer, budget: lineBudget)
        output.write("\n")
        for step in steps {
            let symbol = printer.string(step.symbol)
            let indent = String(repeating: " ", count: symbol.count + 2)
            output.write("  " + symbol)
            for (index, row) in layout.rows(for: step).enumerated() {
                if index > 0 { output.write("\n" + indent) }
                output.write(row.startsForm ? " = " : "     ")
                output.write(row.text)
            }
            output.write("\n")
        }
    }

    package mutating func visitMatrixStep(_ block: MatrixStepBlock, to output: inout some TextOutputStream) {
        followsHeading = false
        let matrices = printer.matrixPrinter
        output.write("\n")
        for line in matrices.lines(of: block.step) { output.write("  " + line + "\n") }
        output.write("  " + block.tieBack + matrices.linkEquation(of: block.step) + "\n")
    }

    package mutating func visitTable(_ table: Table, to output: inout some TextOutputStream) {
        followsHeading = false
        let cells = ([table.columns] + table.rows).map { $0.map(cell) }
        let widths = table.columns.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        output.write("\n")
        for (index, row) in cells.enumerated() {
            let padded = row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + padding : padding + text
            }
            output.write("  " + padded.joined(separator: "  ") + "\n")
            if index == 0 { output.write("  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n") }
        }
    }

    // MARK: - Inline text

    private func inline(_ phrases: [Phrase]) -> String {
        var text = ""
        for phrase in phrases {
            switch phrase {
            case .text(let words), .code(let words): text += words
            case .math(let expression): text += printer.string(expression)
            case .equation(let left, let right): text += printer.string(left) + " = " + printer.string(right)
            case .layer(let label): text += label
            case .matrix(let quantity): text += printer.matrixPrinter.string(quantity)
            }
        }
        return text
    }

    private func cell(_ cell: Table.Cell) -> String {
        switch cell {
        case .math(let expression): return printer.string(expression)
        case .number(let value): return printer.string(.constant(value))
        case .text(let words): return words
        case .phrases(let phrases): return inline(phrases)
        }
    }
}

private extension Phrase {
    /// The phrase for a heading in capitals: its words upper-cased, its mathematics as it is.
    var capitalized: Phrase {
        if case .text(let words) = self { return .text(words.uppercased()) }
        return self
    }
}
