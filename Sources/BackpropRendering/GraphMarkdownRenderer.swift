import BackpropKit

/// Writes a graph derivation as GitHub-flavoured Markdown with `$$…$$` display math, from the Markdown
/// handout template.
public struct GraphMarkdownRenderer: GraphDerivationRenderer {
    /// What the renderer writes besides the derivation.
    public struct Options: Sendable {
        /// How symbols are named.
        public var notation: any Notation
        /// How numbers are written.
        public var numbers: NumberFormat
        /// The title block.
        public var info: HandoutInfo
        /// The document skeleton.
        public var template: Template

        /// Options with the shipped template.
        public init(notation: any Notation = GraphNotation(), numbers: NumberFormat = .roundTrip, info: HandoutInfo = HandoutInfo(),
                    template: Template = .markdownHandout) {
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
        let printer = ExpressionPrinter(syntax: .markdownMath, notation: options.notation, numbers: options.numbers)
        let outline = GraphOutline(derivation: derivation)
        let layout = StepLayout(printer: printer, budget: 90)
        let byline = [options.info.author, options.info.date].filter { !$0.isEmpty }.map(\.markdownEscaped)
        let values = [
            "title": options.info.title.markdownEscaped,
            "author": options.info.author.markdownEscaped,
            "date": options.info.date.markdownEscaped,
            "byline": byline.isEmpty ? "" : "*" + byline.joined(separator: ", ") + "*\n\n",
        ]
        var isFirst = true
        options.template.render(values, to: &output) { output in
            for section in derivation.sections where !section.steps.isEmpty {
                if !isFirst { output.write("\n") }
                isFirst = false
                output.write("## " + phrases(outline.heading(before: section.kind).title, printer) + "\n")
                output.write("\n" + phrases(outline.explanation(of: section.kind), printer) + "\n")
                if section.kind == .given {
                    if let provenance = options.info.provenance { output.write("\n" + provenance.markdownEscaped + "\n") }
                    if let command = options.info.command { output.write("\nRegenerate the handout with `\(command)`.\n") }
                    let lines = valueLines(section.steps, printer, separator: ", \\quad ", budget: layout.budget)
                    let body = lines.count == 1 ? lines.joined() : "\\begin{gathered}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{gathered}"
                    output.write("\n$$\n" + body + "\n$$\n")
                    continue
                }
                for step in section.steps {
                    let rows = layout.rows(for: step)
                    output.write("\n$$\n")
                    if rows.count == 1, let row = rows.first {
                        output.write(printer.string(step.symbol) + " = " + row.text + "\n")
                    } else {
                        output.write("\\begin{aligned}\n" + printer.string(step.symbol))
                        for (index, row) in rows.enumerated() {
                            if index > 0 { output.write(" \\\\\n") }
                            output.write((row.startsForm ? " &= " : " &\\quad ") + row.text)
                        }
                        output.write("\n\\end{aligned}\n")
                    }
                    output.write("$$\n")
                }
            }
        }
    }

    private func phrases(_ phrases: [Phrase], _ printer: ExpressionPrinter) -> String {
        printer.inline(phrases, escape: \.markdownEscaped)
    }
}
