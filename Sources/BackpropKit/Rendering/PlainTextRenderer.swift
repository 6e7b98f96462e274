/// Writes a derivation as plain Unicode text for a terminal: ∂, δ, σ and subscript digits,
/// continuation lines aligned under the first `=`.
public struct PlainTextRenderer: DerivationRenderer {
    /// What the renderer writes besides the derivation.
    public struct Options: Sendable {
        /// How symbols are named.
        public var notation: any Notation
        /// How numbers are written.
        public var numbers: NumberFormat
        /// The title block.
        public var info: HandoutInfo
        /// The line width prose is wrapped to.
        public var width: Int

        /// Options for an 80-column terminal.
        public init(notation: any Notation, numbers: NumberFormat = .roundTrip, info: HandoutInfo = HandoutInfo(), width: Int = 80) {
            self.notation = notation
            self.numbers = numbers
            self.info = info
            self.width = width
        }
    }

    /// The options.
    public let options: Options

    /// A renderer with `options`.
    public init(options: Options) {
        self.options = options
    }

    public func render(_ derivation: Derivation, to output: inout some TextOutputStream) {
        let printer = ExpressionPrinter(syntax: .unicode, notation: options.notation, numbers: options.numbers)
        let outline = Outline(network: derivation.network, notation: options.notation, numbers: options.numbers,
                              rounding: derivation.backpropagation.rounding)
        let layout = StepLayout(printer: printer, budget: Double(options.width - 4))
        output.write(options.info.title + "\n" + String(repeating: "═", count: options.info.title.count) + "\n")
        let byline = [options.info.author, options.info.date].filter { !$0.isEmpty }
        if !byline.isEmpty { output.write(byline.joined(separator: ", ") + "\n") }
        for section in derivation.sections {
            let steps = section.printedSteps
            guard !steps.isEmpty else { continue }
            for heading in outline.headings(before: section.kind) {
                let title = phrases(heading.title, printer)
                switch heading.level {
                case 1: output.write("\n\n" + title.uppercased() + "\n" + String(repeating: "═", count: title.count) + "\n")
                case 2: output.write("\n" + title + "\n" + String(repeating: "─", count: title.count) + "\n")
                default: output.write("\n▸ " + title + "\n")
                }
            }
            var paragraph = phrases(outline.explanation(of: section.kind), printer)
            if section.kind == .given, let provenance = options.info.provenance {
                paragraph += " " + provenance
                if let command = options.info.command { paragraph += " Regenerate the handout with: " + command }
            }
            if !paragraph.isEmpty { output.write(wrapped(paragraph) + "\n") }
            output.write("\n")
            if section.kind == .given {
                for line in valueLines(steps, printer, separator: ",  ", budget: layout.budget) { output.write("  " + line + "\n") }
                continue
            }
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
        writeClosingSections(derivation, outline, printer, to: &output)
    }

    private func writeClosingSections(_ derivation: Derivation, _ outline: Outline, _ printer: ExpressionPrinter,
                                      to output: inout some TextOutputStream) {
        var closing = [(outline.summaryHeading, outline.summaryExplanation(derivation.summary), outline.summaryTable(derivation.summary))]
        if let check = derivation.gradientCheck {
            closing.append((outline.checkHeading, outline.checkExplanation(check), outline.checkTable(check)))
        }
        for (heading, explanation, table) in closing {
            let title = phrases(heading.title, printer)
            output.write("\n\n" + title.uppercased() + "\n" + String(repeating: "═", count: title.count) + "\n")
            output.write(wrapped(phrases(explanation, printer)) + "\n\n")
            let cells = ([table.columns] + table.rows).map { $0.map { printer.cell($0).text } }
            let widths = table.columns.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
            for (index, row) in cells.enumerated() {
                let padded = row.enumerated().map { column, text in
                    let padding = String(repeating: " ", count: widths[column] - text.count)
                    return column == 0 ? text + padding : padding + text
                }
                output.write("  " + padded.joined(separator: "  ") + "\n")
                if index == 0 { output.write("  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n") }
            }
        }
    }

    private func phrases(_ phrases: [Phrase], _ printer: ExpressionPrinter) -> String {
        phrases.map { phrase in
            switch phrase {
            case .text(let text): return text
            case .math(let expression): return printer.string(expression)
            case .layer(let label): return label
            case .typeset(let unicode, _): return unicode
            }
        }.joined()
    }

    /// The paragraph broken into lines of at most ``Options/width`` characters at spaces.
    private func wrapped(_ paragraph: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > options.width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
