import BackpropKit
import Foundation

/// Writes a derivation as GitHub-flavoured Markdown: `$$…$$` display math (rendered by GitHub and pandoc),
/// with each layer's error derivatives coloured by `\color` inside the math.
public struct MarkdownRenderer: AnswerKeyRenderer {
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
        /// The SVG file of each picture, relative to the Markdown file, written beside it by the caller; none by default.
        public var pictureFiles: [DiagramKind: String]

        /// Options with the shipped template.
        public init(notation: any Notation, numbers: NumberFormat = .roundTrip, info: HandoutInfo = HandoutInfo(), template: Template = .markdownHandout,
                    pictureFiles: [DiagramKind: String] = [:]) {
            self.notation = notation
            self.numbers = numbers
            self.info = info
            self.template = template
            self.pictureFiles = pictureFiles
        }
    }

    /// The options.
    public let options: Options

    /// A renderer with `options`.
    public init(options: Options) {
        self.options = options
    }

    public func render(_ derivation: Derivation, to output: inout some TextOutputStream) {
        let printer = ExpressionPrinter(syntax: .markdownMath, notation: options.notation, numbers: options.numbers,
                                        colorDepth: derivation.network.depth)
        let outline = Outline(network: derivation.network, notation: options.notation, numbers: options.numbers,
                              rounding: derivation.backpropagation.rounding)
        let layout = StepLayout(printer: printer, budget: 90)
        let byline = [options.info.author, options.info.date].filter { !$0.isEmpty }.map(\.markdownEscaped)
        let values = [
            "title": options.info.title.markdownEscaped,
            "author": options.info.author.markdownEscaped,
            "date": options.info.date.markdownEscaped,
            "byline": byline.isEmpty ? "" : "*" + byline.joined(separator: ", ") + "*\n\n",
        ]
        options.template.render(values, to: &output) { output in
            if derivation.exercise != nil { output.write(phrases(outline.exerciseInstructions, printer) + "\n\n") }
            var isFirst = true
            let pictures = derivation.exercise == nil
            for section in derivation.sections {
                write(section, headings: outline.headings(before: section.kind), isFirst: &isFirst, outline, printer, layout, to: &output)
                if pictures && section.kind == .given { writePicture(.network, of: derivation, to: &output) }
            }
            if derivation.exercise == nil {
                if pictures && DiagramKind.fourDiagrams.contains(where: { options.pictureFiles[$0] != nil }) {
                    output.write("\n" + heading(outline.picturesHeading, printer))
                    output.write("\n" + phrases(outline.picturesExplanation, printer) + "\n")
                    for kind in DiagramKind.fourDiagrams { writePicture(kind, of: derivation, headed: true, to: &output) }
                }
                if let vectorized = derivation.vectorized { writeMatrixForm(vectorized, outline, printer, to: &output) }
                writeClosingSections(derivation, outline, printer, to: &output)
            } else {
                output.write("\n" + heading(outline.answerKeyHeading, printer))
                writeAnswers(derivation, outline, printer, layout, to: &output)
            }
        }
    }

    /// Writes one document holding the answer keys of several exercise sheets, one section each.
    /// - Parameter sheets: Each sheet's title and derivation.
    public func renderAnswerKey(_ sheets: [(title: String, derivation: Derivation)], to output: inout some TextOutputStream) {
        let values = ["title": options.info.title.markdownEscaped, "byline": ""]
        options.template.render(values, to: &output) { output in
            for (index, sheet) in sheets.enumerated() {
                let printer = ExpressionPrinter(syntax: .markdownMath, notation: options.notation, numbers: options.numbers,
                                                colorDepth: sheet.derivation.network.depth)
                let outline = Outline(network: sheet.derivation.network, notation: options.notation, numbers: options.numbers,
                                      rounding: sheet.derivation.backpropagation.rounding)
                output.write((index > 0 ? "\n" : "") + "## " + sheet.title.markdownEscaped + "\n")
                writeAnswers(sheet.derivation, outline, printer, StepLayout(printer: printer, budget: 90), to: &output)
            }
        }
    }

    // MARK: - Sections

    /// Writes a section's headings, its explanation (when `explains`) and its steps.
    private func write(_ section: Section, headings: [Outline.Heading], explains: Bool = true, isFirst: inout Bool, _ outline: Outline,
                       _ printer: ExpressionPrinter, _ layout: StepLayout, to output: inout some TextOutputStream) {
        let steps = section.printedSteps
        guard !steps.isEmpty else { return }
        for heading in headings {
            if !isFirst { output.write("\n") }
            isFirst = false
            output.write(self.heading(heading, printer))
        }
        let explanation = explains ? outline.explanation(of: section.kind) : []
        if !explanation.isEmpty { output.write("\n" + phrases(explanation, printer) + "\n") }
        if section.kind == .given {
            if let provenance = options.info.provenance {
                output.write("\n" + provenance.markdownEscaped)
                if let command = options.info.command { output.write(" Regenerate the handout with `\(command)`.") }
                output.write("\n")
            }
            let lines = valueLines(steps, printer, separator: ", \\quad ", budget: layout.budget)
            let body = lines.count == 1 ? lines[0] : "\\begin{gathered}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{gathered}"
            output.write("\n$$\n" + body + "\n$$\n")
            return
        }
        for step in steps {
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

    private func writeAnswers(_ derivation: Derivation, _ outline: Outline, _ printer: ExpressionPrinter, _ layout: StepLayout,
                              to output: inout some TextOutputStream) {
        var isFirst = false
        for section in derivation.answers {
            write(section, headings: [outline.answerHeading(section.kind)], explains: false, isFirst: &isFirst, outline, printer, layout, to: &output)
        }
    }

    private func heading(_ heading: Outline.Heading, _ printer: ExpressionPrinter) -> String {
        String(repeating: "#", count: heading.level + 1) + " " + phrases(heading.title, printer) + "\n"
    }

    /// Links the picture's SVG file, when there is one, under its caption as a heading when `headed`.
    private func writePicture(_ kind: DiagramKind, of derivation: Derivation, headed: Bool = false, to output: inout some TextOutputStream) {
        guard let file = options.pictureFiles[kind] else { return }
        let caption = SVGDiagramWriter().caption(of: NetworkDiagram(derivation: derivation, notation: options.notation, kind: kind))
        if headed { output.write("\n### " + caption.markdownEscaped + "\n") }
        output.write("\n![" + caption.markdownEscaped + "](" + file + ")\n")
    }

    private func writeMatrixForm(_ vectorized: VectorizedDerivation, _ outline: Outline, _ printer: ExpressionPrinter,
                                 to output: inout some TextOutputStream) {
        let matrices = MatrixExpressionPrinter(syntax: .markdownMath, notation: options.notation, numbers: options.numbers,
                                               maximumColumns: options.numbers.significantDigits == nil ? 4 : 8)
        output.write("\n" + heading(outline.matrixFormHeading, printer))
        output.write("\n" + phrases(outline.matrixFormExplanation, printer) + "\n")
        var layer: Int?
        for step in vectorized.steps {
            if step.layer != layer {
                layer = step.layer
                output.write("\n" + heading(outline.matrixLayerHeading(step.layer), printer))
            }
            let remark = outline.matrixRemark(step)
            if !remark.isEmpty { output.write("\n" + phrases(remark, printer) + "\n") }
            output.write("\n$$\n\\begin{aligned}\n" + matrices.lines(of: step).joined(separator: " \\\\\n") + "\n\\end{aligned}\n$$\n")
            output.write("\nAs in the scalar derivation: $" + matrices.linkEquation(of: step) + "$.\n")
        }
    }

    private func writeClosingSections(_ derivation: Derivation, _ outline: Outline, _ printer: ExpressionPrinter,
                                      to output: inout some TextOutputStream) {
        for (heading, explanation, table) in outline.closingSections(of: derivation) {
            output.write("\n" + self.heading(heading, printer))
            output.write("\n" + phrases(explanation, printer) + "\n\n")
            func text(_ cell: Table.Cell) -> String {
                let (text, isMath) = printer.cell(cell)
                return isMath ? "$" + text.replacingOccurrences(of: "|", with: "\\vert ") + "$" : text.markdownEscaped
            }
            output.write("| " + table.columns.map(text).joined(separator: " | ") + " |\n")
            output.write("|" + String(repeating: " ---: |", count: table.columns.count) + "\n")
            for row in table.rows { output.write("| " + row.map(text).joined(separator: " | ") + " |\n") }
        }
    }

    private func phrases(_ phrases: [Phrase], _ printer: ExpressionPrinter) -> String {
        printer.inline(phrases, escape: \.markdownEscaped)
    }
}

extension String {
    /// The text with Markdown's special characters backslash-escaped so they print literally.
    public var markdownEscaped: String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            switch character {
            case "\\", "*", "_", "`", "<", ">", "|", "[", "]", "#", "$", "~", "{", "}", "!", "^":
                result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}
