import BackpropKit

/// Writes a derivation as plain Unicode text for a terminal: ∂, δ, σ and subscript digits,
/// continuation lines aligned under the first `=`.
public struct PlainTextRenderer: AnswerKeyRenderer {
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
        if derivation.exercise != nil { output.write("\n" + wrapped(phrases(outline.exerciseInstructions, printer)) + "\n") }
        for section in derivation.sections {
            write(section, headings: outline.headings(before: section.kind), outline, printer, layout, to: &output)
        }
        if derivation.exercise == nil {
            if let vectorized = derivation.vectorized { writeMatrixForm(vectorized, outline, printer, to: &output) }
            writeClosingSections(derivation, outline, printer, to: &output)
        } else {
            write(outline.answerKeyHeading, printer, to: &output)
            writeAnswers(derivation, outline, printer, layout, to: &output)
        }
    }

    /// Writes one document holding the answer keys of several exercise sheets, one section each.
    /// - Parameter sheets: Each sheet's title and derivation.
    public func renderAnswerKey(_ sheets: [(title: String, derivation: Derivation)], to output: inout some TextOutputStream) {
        output.write(options.info.title + "\n" + String(repeating: "═", count: options.info.title.count) + "\n")
        for sheet in sheets {
            let printer = ExpressionPrinter(syntax: .unicode, notation: options.notation, numbers: options.numbers)
            let outline = Outline(network: sheet.derivation.network, notation: options.notation, numbers: options.numbers,
                                  rounding: sheet.derivation.backpropagation.rounding)
            write(Outline.Heading(level: 1, title: [.text(sheet.title)]), printer, to: &output)
            writeAnswers(sheet.derivation, outline, printer, StepLayout(printer: printer, budget: Double(options.width - 4)), to: &output)
        }
    }

    // MARK: - Sections

    /// Writes a section's headings, its explanation (when `explains`) and its steps.
    private func write(_ section: Section, headings: [Outline.Heading], explains: Bool = true, _ outline: Outline,
                       _ printer: ExpressionPrinter, _ layout: StepLayout, to output: inout some TextOutputStream) {
        let steps = section.printedSteps
        guard !steps.isEmpty else { return }
        for heading in headings { write(heading, printer, to: &output) }
        var paragraph = explains ? phrases(outline.explanation(of: section.kind), printer) : ""
        if section.kind == .given, let provenance = options.info.provenance {
            paragraph += " " + provenance
            if let command = options.info.command { paragraph += " Regenerate the handout with: " + command }
        }
        if !paragraph.isEmpty { output.write(wrapped(paragraph) + "\n") }
        output.write("\n")
        if section.kind == .given {
            for line in valueLines(steps, printer, separator: ",  ", budget: layout.budget) { output.write("  " + line + "\n") }
            return
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

    private func writeAnswers(_ derivation: Derivation, _ outline: Outline, _ printer: ExpressionPrinter, _ layout: StepLayout,
                              to output: inout some TextOutputStream) {
        for section in derivation.answers {
            write(section, headings: [outline.answerHeading(section.kind)], explains: false, outline, printer, layout, to: &output)
        }
    }

    private func write(_ heading: Outline.Heading, _ printer: ExpressionPrinter, to output: inout some TextOutputStream) {
        let title = phrases(heading.title, printer)
        switch heading.level {
        case 1: output.write("\n\n" + title.uppercased() + "\n" + String(repeating: "═", count: title.count) + "\n")
        case 2: output.write("\n" + title + "\n" + String(repeating: "─", count: title.count) + "\n")
        default: output.write("\n▸ " + title + "\n")
        }
    }

    private func writeMatrixForm(_ vectorized: VectorizedDerivation, _ outline: Outline, _ printer: ExpressionPrinter,
                                 to output: inout some TextOutputStream) {
        let matrices = MatrixExpressionPrinter(syntax: .unicode, notation: options.notation, numbers: options.numbers,
                                               maximumColumns: options.numbers.significantDigits == nil ? 4 : 8)
        write(outline.matrixFormHeading, printer, to: &output)
        output.write(wrapped(phrases(outline.matrixFormExplanation, printer)) + "\n")
        var layer: Int?
        for step in vectorized.steps {
            if step.layer != layer {
                layer = step.layer
                write(outline.matrixLayerHeading(step.layer), printer, to: &output)
            }
            let remark = outline.matrixRemark(step)
            if !remark.isEmpty { output.write(wrapped(phrases(remark, printer)) + "\n") }
            output.write("\n")
            for line in matrices.lines(of: step) { output.write("  " + line + "\n") }
            output.write("  As in the scalar derivation: " + matrices.linkEquation(of: step) + "\n")
        }
    }

    private func writeClosingSections(_ derivation: Derivation, _ outline: Outline, _ printer: ExpressionPrinter,
                                      to output: inout some TextOutputStream) {
        for (heading, explanation, table) in outline.closingSections(of: derivation) {
            write(heading, printer, to: &output)
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
        printer.inline(phrases)
    }

    /// The paragraph broken into lines of at most ``Options/width`` characters at spaces.
    private func wrapped(_ paragraph: String) -> String {
        paragraph.wrapped(toWidth: options.width).joined(separator: "\n")
    }
}
