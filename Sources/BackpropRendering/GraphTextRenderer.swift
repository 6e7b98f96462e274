import BackpropKit

/// Writes a graph derivation as plain Unicode text for a terminal (ā, ∂e/∂c, σ), continuation lines
/// aligned under the first `=`.
public struct GraphTextRenderer: GraphDerivationRenderer {
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
        public init(notation: any Notation = GraphNotation(), numbers: NumberFormat = .roundTrip, info: HandoutInfo = HandoutInfo(), width: Int = 80) {
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

    public func render(_ derivation: GraphDerivation, to output: inout some TextOutputStream) {
        let printer = ExpressionPrinter(syntax: .unicode, notation: options.notation, numbers: options.numbers)
        let outline = GraphOutline(derivation: derivation)
        let layout = StepLayout(printer: printer, budget: Double(options.width - 4))
        output.write(options.info.title + "\n" + String(repeating: "═", count: options.info.title.count) + "\n")
        let byline = [options.info.author, options.info.date].filter { !$0.isEmpty }
        if !byline.isEmpty { output.write(byline.joined(separator: ", ") + "\n") }
        for section in derivation.sections where !section.steps.isEmpty {
            let title = phrases(outline.heading(before: section.kind).title.map(\.capitalized), printer)
            output.write("\n\n" + title + "\n" + String(repeating: "═", count: title.count) + "\n")
            var paragraph = phrases(outline.explanation(of: section.kind), printer)
            if section.kind == .given, let provenance = options.info.provenance { paragraph += " " + provenance }
            if section.kind == .given, let command = options.info.command { paragraph += " Regenerate the handout with: " + command }
            output.write(wrapped(paragraph) + "\n\n")
            if section.kind == .given {
                for line in valueLines(section.steps, printer, separator: ",  ", budget: layout.budget) { output.write("  " + line + "\n") }
                continue
            }
            for step in section.steps {
                let symbol = printer.string(step.symbol)
                let indent = String(repeating: " ", count: symbol.count + 2)
                output.write("  " + symbol)
                for (index, row) in layout.rows(for: step).enumerated() {
                    if index > 0 { output.write("\n" + indent) }
                    output.write((row.startsForm ? " = " : "     ") + row.text)
                }
                output.write("\n")
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

private extension Phrase {
    /// The phrase for a heading in capitals: its words upper-cased, its mathematics as it is.
    var capitalized: Phrase {
        if case .text(let words) = self { return .text(words.uppercased()) }
        return self
    }
}
