import BackpropKit
import Foundation

/// Writes a derivation as a complete LaTeX document from the handout template: `align*` blocks whose
/// long sums wrap, and each layer's error derivatives ∂δ/∂o_{k,j} in that layer's colour.
public struct LaTeXRenderer: AnswerKeyRenderer {
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
        /// Whether to draw the network after its description and the four pictures after the derivation (TikZ).
        public var includesPictures: Bool

        /// Options with the shipped template.
        public init(notation: any Notation, numbers: NumberFormat = .roundTrip, info: HandoutInfo = HandoutInfo(), template: Template = .latexHandout,
                    includesPictures: Bool = true) {
            self.notation = notation
            self.numbers = numbers
            self.info = info
            self.template = template
            self.includesPictures = includesPictures
        }
    }

    /// The options.
    public let options: Options

    /// A renderer with `options`.
    public init(options: Options) {
        self.options = options
    }

    public func render(_ derivation: Derivation, to output: inout some TextOutputStream) {
        let printer = ExpressionPrinter(syntax: .latex, notation: options.notation, numbers: options.numbers,
                                        colorDepth: derivation.network.depth)
        let outline = Outline(network: derivation.network, notation: options.notation, numbers: options.numbers,
                              rounding: derivation.backpropagation.rounding)
        let layout = StepLayout(printer: printer, budget: 72)
        let values = [
            "title": options.info.title.latexEscaped,
            "author": options.info.author.latexEscaped,
            "date": options.info.date.latexEscaped,
        ]
        options.template.render(values, to: &output) { output in
            if derivation.exercise != nil { output.write(phrases(outline.exerciseInstructions, printer) + "\n\n") }
            let pictures = options.includesPictures && derivation.exercise == nil
            for section in derivation.sections {
                write(section, headings: outline.headings(before: section.kind), outline, printer, layout, to: &output)
                if pictures && section.kind == .given { writePicture(.network, of: derivation, to: &output) }
            }
            if derivation.exercise == nil {
                if pictures {
                    write(outline.picturesHeading, printer, to: &output)
                    output.write(phrases(outline.picturesExplanation, printer) + "\n\n")
                    for kind in DiagramKind.fourDiagrams { writePicture(kind, of: derivation, headed: true, printer, to: &output) }
                }
                if let vectorized = derivation.vectorized { writeMatrixForm(vectorized, outline, printer, to: &output) }
                writeClosingSections(derivation, outline, printer, to: &output)
            } else {
                output.write("\\newpage\n")
                write(outline.answerKeyHeading, printer, to: &output)
                writeAnswers(derivation, outline, printer, layout, to: &output)
            }
        }
    }

    /// Writes one document holding the answer keys of several exercise sheets, one section each.
    /// - Parameter sheets: Each sheet's title and derivation.
    public func renderAnswerKey(_ sheets: [(title: String, derivation: Derivation)], to output: inout some TextOutputStream) {
        let values = ["title": options.info.title.latexEscaped, "author": options.info.author.latexEscaped,
                      "date": options.info.date.latexEscaped]
        options.template.render(values, to: &output) { output in
            for (index, sheet) in sheets.enumerated() {
                let printer = ExpressionPrinter(syntax: .latex, notation: options.notation, numbers: options.numbers,
                                                colorDepth: sheet.derivation.network.depth)
                let outline = Outline(network: sheet.derivation.network, notation: options.notation, numbers: options.numbers,
                                      rounding: sheet.derivation.backpropagation.rounding)
                if index > 0 { output.write("\\newpage\n") }
                output.write("\\section*{\(sheet.title.latexEscaped)}\n\n")
                writeAnswers(sheet.derivation, outline, printer, StepLayout(printer: printer, budget: 72), to: &output)
            }
        }
    }

    // MARK: - Sections

    /// Writes a section's headings, its explanation (when `explains`) and its steps.
    private func write(_ section: Section, headings: [Outline.Heading], explains: Bool = true, _ outline: Outline,
                       _ printer: ExpressionPrinter, _ layout: StepLayout, to output: inout some TextOutputStream) {
        let steps = section.printedSteps
        guard !steps.isEmpty else { return }
        for heading in headings { write(heading, printer, to: &output) }
        let explanation = explains ? outline.explanation(of: section.kind) : []
        if !explanation.isEmpty { output.write(phrases(explanation, printer) + "\n\n") }
        if section.kind == .given {
            if let provenance = options.info.provenance {
                output.write(provenance.latexEscaped)
                if let command = options.info.command {
                    let breakable = command.latexEscaped.replacingOccurrences(of: "-", with: "-{}").replacingOccurrences(of: ",", with: ",\\allowbreak{}")
                    output.write(" Regenerate the handout with \\texttt{\(breakable)}.")
                }
                output.write("\n\n")
            }
            let lines = valueLines(steps, printer, separator: ", \\quad ", budget: layout.budget)
            output.write("\\begin{gather*}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{gather*}\n\n")
            return
        }
        output.write("\\begin{align*}\n")
        for (index, step) in steps.enumerated() {
            output.write(printer.string(step.symbol))
            for (row, line) in layout.rows(for: step).enumerated() {
                if row > 0 { output.write(" \\\\\n") }
                output.write(line.startsForm ? " &= " : " &\\quad ")
                output.write(line.text)
            }
            output.write(index == steps.count - 1 ? "\n" : " \\\\\n")
        }
        output.write("\\end{align*}\n\n")
    }

    private func writeAnswers(_ derivation: Derivation, _ outline: Outline, _ printer: ExpressionPrinter, _ layout: StepLayout,
                              to output: inout some TextOutputStream) {
        for section in derivation.answers {
            write(section, headings: [outline.answerHeading(section.kind)], explains: false, outline, printer, layout, to: &output)
        }
    }

    private func write(_ heading: Outline.Heading, _ printer: ExpressionPrinter, to output: inout some TextOutputStream) {
        output.write("\\\(Self.commands[heading.level - 1])*{\(phrases(heading.title, printer))}\n\n")
    }

    /// Writes a picture of the network, centred, under its caption as a subsection heading when `headed`.
    private func writePicture(_ kind: DiagramKind, of derivation: Derivation, headed: Bool = false, _ printer: ExpressionPrinter? = nil,
                              to output: inout some TextOutputStream) {
        let diagram = NetworkDiagram(derivation: derivation, notation: options.notation, kind: kind)
        let writer = TikZDiagramWriter()
        if headed { output.write("\\subsection*{" + writer.caption(of: diagram) + "}\n\n") }
        output.write("\\begin{center}\n")
        writer.write(diagram, to: &output)
        output.write("\\end{center}\n\n")
    }

    private func writeMatrixForm(_ vectorized: VectorizedDerivation, _ outline: Outline, _ printer: ExpressionPrinter,
                                 to output: inout some TextOutputStream) {
        let matrices = MatrixExpressionPrinter(syntax: .latex, notation: options.notation, numbers: options.numbers,
                                               maximumColumns: options.numbers.significantDigits == nil ? 4 : 8)
        write(outline.matrixFormHeading, printer, to: &output)
        output.write(phrases(outline.matrixFormExplanation, printer) + "\n\n")
        var layer: Int?
        for step in vectorized.steps {
            if step.layer != layer {
                layer = step.layer
                write(outline.matrixLayerHeading(step.layer), printer, to: &output)
            }
            let remark = outline.matrixRemark(step)
            if !remark.isEmpty { output.write(phrases(remark, printer) + "\n\n") }
            output.write("\\begin{align*}\n" + matrices.lines(of: step).joined(separator: " \\\\\n") + "\n\\end{align*}\n")
            output.write("As in the scalar derivation: $" + matrices.linkEquation(of: step) + "$.\n\n")
        }
    }

    private func writeClosingSections(_ derivation: Derivation, _ outline: Outline, _ printer: ExpressionPrinter,
                                      to output: inout some TextOutputStream) {
        for (heading, explanation, table) in outline.closingSections(of: derivation) {
            write(heading, printer, to: &output)
            output.write(phrases(explanation, printer) + "\n\n")
            write(table, printer, to: &output)
        }
    }

    private func write(_ table: Table, _ printer: ExpressionPrinter, to output: inout some TextOutputStream) {
        func text(_ cell: Table.Cell) -> String {
            let (text, isMath) = printer.cell(cell)
            if case .text(let words) = cell, words == "✓" || words == "✗" { return words == "✓" ? "$\\checkmark$" : "$\\times$" }
            return isMath ? "$" + text + "$" : text.latexEscaped
        }
        output.write("\\begin{longtable}{l" + String(repeating: "r", count: table.columns.count - 1) + "}\n\\hline\n")
        output.write(table.columns.map(text).joined(separator: " & ") + " \\\\\n\\hline\n\\endhead\n")
        for row in table.rows { output.write(row.map(text).joined(separator: " & ") + " \\\\\n") }
        output.write("\\hline\n\\end{longtable}\n\n")
    }

    private static let commands = ["section", "subsection", "subsubsection"]

    private func phrases(_ phrases: [Phrase], _ printer: ExpressionPrinter) -> String {
        printer.inline(phrases, escape: \.latexEscaped)
    }
}

extension String {
    /// The ASCII characters LaTeX treats specially in text.
    fileprivate static let latexSpecials = Set("\\{}$%#_&~^<>|".utf8)

    /// Characters of mathematics that LaTeX's text fonts lack, with the math-mode command that prints them.
    fileprivate static let mathCharacters: [Character: String] = [
        "−": "-", "·": "\\cdot", "×": "\\times", "⊙": "\\odot", "∂": "\\partial", "δ": "\\delta", "σ": "\\sigma",
        "η": "\\eta", "∇": "\\nabla", "≈": "\\approx", "≤": "\\le", "≥": "\\ge", "→": "\\to", "′": "'",
        "⁰": "^0", "¹": "^1", "²": "^2", "³": "^3", "⁴": "^4", "⁵": "^5", "⁶": "^6", "⁷": "^7", "⁸": "^8", "⁹": "^9", "⁻": "^-",
        "✓": "\\checkmark", "✗": "\\times",
    ]

    /// The text with LaTeX's special characters written so they print literally.
    public var latexEscaped: String {
        if utf8.allSatisfy({ $0 < 0x80 && !Self.latexSpecials.contains($0) }) { return self }
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "$", "%", "#", "_", "&": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "<": result += "\\textless{}"
            case ">": result += "\\textgreater{}"
            case "|": result += "\\textbar{}"
            default:
                if !character.isASCII, let math = Self.mathCharacters[character] {
                    result += "\\ensuremath{" + math + "}"
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
