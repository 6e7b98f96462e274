import BackpropKit

/// Writes a graph derivation as a complete LaTeX document from the handout template: the expression and
/// its point, a TikZ picture of the graph (when it fits a page), and `align*` blocks for the passes.
public struct GraphLaTeXRenderer: GraphDerivationRenderer {
    /// What the renderer writes besides the derivation.
    public struct Options: Sendable {
        /// How symbols are named.
        public var notation: any Notation
        /// How numbers are written.
        public var numbers: NumberFormat
        /// The title block.
        public var info: HandoutInfo
        /// The document skeleton; it must load TikZ.
        public var template: Template

        /// Options with the shipped template.
        public init(notation: any Notation = GraphNotation(), numbers: NumberFormat = .roundTrip, info: HandoutInfo = HandoutInfo(),
                    template: Template = .latexHandout) {
            self.notation = notation
            self.numbers = numbers
            self.info = info
            self.template = template
        }
    }

    /// The options.
    public let options: Options

    /// A renderer with `options`.
    public init(options: Options) {
        self.options = options
    }

    public func render(_ derivation: GraphDerivation, to output: inout some TextOutputStream) {
        let printer = ExpressionPrinter(syntax: .latex, notation: options.notation, numbers: options.numbers)
        let outline = GraphOutline(derivation: derivation)
        let layout = StepLayout(printer: printer, budget: 72)
        let values = [
            "title": options.info.title.latexEscaped,
            "author": options.info.author.latexEscaped,
            "date": options.info.date.latexEscaped,
        ]
        options.template.render(values, to: &output) { output in
            for section in derivation.sections where !section.steps.isEmpty {
                output.write("\\section*{\(phrases(outline.heading(before: section.kind).title, printer))}\n\n")
                output.write(phrases(outline.explanation(of: section.kind), printer) + "\n\n")
                guard section.kind != .given else {
                    writeGiven(section.steps, printer, layout, to: &output)
                    writePicture(derivation, outline, printer, to: &output)
                    continue
                }
                output.write("\\begin{align*}\n")
                for (index, step) in section.steps.enumerated() {
                    output.write(printer.string(step.symbol))
                    for (row, line) in layout.rows(for: step).enumerated() {
                        if row > 0 { output.write(" \\\\\n") }
                        output.write((line.startsForm ? " &= " : " &\\quad ") + line.text)
                    }
                    output.write(index == section.steps.count - 1 ? "\n" : " \\\\\n")
                }
                output.write("\\end{align*}\n\n")
            }
        }
    }

    /// Where the values come from, the command that regenerates the handout, and the values.
    private func writeGiven(_ steps: [Step], _ printer: ExpressionPrinter, _ layout: StepLayout, to output: inout some TextOutputStream) {
        var sentences: [String] = []
        if let provenance = options.info.provenance { sentences.append(provenance.latexEscaped) }
        if let command = options.info.command {
            let breakable = command.latexEscaped.replacingOccurrences(of: "-", with: "-{}").replacingOccurrences(of: ",", with: ",\\allowbreak{}")
            sentences.append("Regenerate the handout with \\texttt{\(breakable)}.")
        }
        if !sentences.isEmpty { output.write(sentences.joined(separator: " ") + "\n\n") }
        let lines = valueLines(steps, printer, separator: ", \\quad ", budget: layout.budget)
        output.write("\\begin{gather*}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{gather*}\n\n")
    }

    /// The picture of the graph with its legend, or a note that it is too large to draw.
    private func writePicture(_ derivation: GraphDerivation, _ outline: GraphOutline, _ printer: ExpressionPrinter,
                              to output: inout some TextOutputStream) {
        let picture = GraphPicture(derivation: derivation, notation: options.notation, numbers: options.numbers)
        output.write("\\section*{\(phrases(outline.pictureHeading.title, printer))}\n\n")
        if picture.isDrawable { output.write(picture.tikz + "\n") }
        let digits = picture.isDrawable && picture.roundsNumbers ? picture.printer.numbers.significantDigits : nil
        output.write(phrases(outline.pictureExplanation(isDrawn: picture.isDrawable, roundedTo: digits), printer) + "\n\n")
    }

    private func phrases(_ phrases: [Phrase], _ printer: ExpressionPrinter) -> String {
        printer.inline(phrases, escape: \.latexEscaped)
    }
}
