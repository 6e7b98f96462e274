import BackpropKit

/// Writes a handout as GitHub-flavoured Markdown from the Markdown template: `$$…$$` display math (rendered
/// by GitHub and pandoc), each layer's error derivatives coloured by `\color` inside the math, pictures as
/// links to SVG files written beside the Markdown file.
package struct MarkdownFormatter: HandoutFormatter {
    /// What the formatter writes besides the handout's blocks.
    package struct Options: Sendable {
        /// The document skeleton.
        package var template: Template
        /// The SVG file of each picture, relative to the Markdown file, written beside it by the caller;
        /// a picture without a file is left out.
        package var pictureFiles: [PictureKind: String]

        /// The shipped template, without pictures.
        package static let `default` = Options()

        /// Options with `template`, linking the pictures of `pictureFiles`.
        package init(template: Template = .markdownHandout, pictureFiles: [PictureKind: String] = [:]) {
            self.template = template
            self.pictureFiles = pictureFiles
        }
    }

    /// The options.
    package let options: Options
    private var printer = MathPrinter(LaTeXMath(flavor: .markdown), notation: NoteNotation(depth: 1))
    /// Whether the next block opens the body, with no blank line before it.
    private var opensBody = true

    /// The widest line of an equation, in estimated characters.
    static let lineBudget = 90.0

    /// A formatter with `options`.
    package init(options: Options = .default) {
        self.options = options
    }

    package mutating func begin(_ handout: Handout) -> [String] {
        printer = MathPrinter(LaTeXMath(flavor: .markdown), notation: handout.notation, numbers: handout.numbers,
                              colorDepth: handout.colorDepth)
        opensBody = true
        let byline = handout.info.byline.map(\.markdownLineEscaped).filter { !$0.isEmpty }
        return options.template.pieces([
            "title": handout.info.title.markdownLineEscaped,
            "author": handout.info.author.markdownLineEscaped,
            "date": handout.info.date.markdownLineEscaped,
            "byline": byline.isEmpty ? "" : "*" + byline.joined(separator: ", ") + "*\n\n",
        ])
    }

    package func shows(_ kind: PictureKind) -> Bool { options.pictureFiles[kind] != nil }

    package mutating func visitHeading(_ heading: Heading, to output: inout some TextOutputStream) {
        startBlock(&output)
        output.write(String(repeating: "#", count: heading.level + 1) + " " + inline(heading.title) + "\n")
    }

    package mutating func visitParagraph(_ phrases: [Phrase], to output: inout some TextOutputStream) {
        startBlock(&output)
        output.write(inline(phrases) + "\n")
    }

    package mutating func visitGivenValues(_ steps: [Step], to output: inout some TextOutputStream) {
        startBlock(&output)
        let lines = valueLines(steps, printer, separator: ", \\quad ", budget: Self.lineBudget)
        let body = lines.count == 1 ? lines[0] : "\\begin{gathered}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{gathered}"
        output.write("$$\n" + body + "\n$$\n")
    }

    package mutating func visitEquations(_ steps: [Step], to output: inout some TextOutputStream) {
        let layout = StepLayout(printer: printer, budget: Self.lineBudget)
        for step in steps {
            startBlock(&output)
            let rows = layout.rows(for: step)
            output.write("$$\n")
            if rows.count == 1, let row = rows.first {
                output.write(printer.string(step.symbol) + " = " + row.text + "\n")
            } else {
                output.write("\\begin{aligned}\n" + LaTeXAlignment.step(printer.string(step.symbol), rows: rows) + "\n\\end{aligned}\n")
            }
            output.write("$$\n")
        }
    }

    package mutating func visitMatrixStep(_ block: MatrixStepBlock, to output: inout some TextOutputStream) {
        let matrices = printer.matrixPrinter
        let (quantity, forms) = matrices.forms(of: block.step)
        startBlock(&output)
        output.write("$$\n\\begin{aligned}\n" + LaTeXAlignment.matrixStep(quantity, forms: forms) + "\n\\end{aligned}\n$$\n")
        startBlock(&output)
        output.write(block.tieBack.markdownEscaped + "$" + matrices.linkEquation(of: block.step) + "$.\n")
    }

    package mutating func visitTable(_ table: Table, to output: inout some TextOutputStream) {
        startBlock(&output)
        output.write("| " + table.columns.map(cell).joined(separator: " | ") + " |\n")
        output.write("|" + String(repeating: " ---: |", count: table.columns.count) + "\n")
        for row in table.rows { output.write("| " + row.map(cell).joined(separator: " | ") + " |\n") }
    }

    package mutating func visitPicture(_ picture: Picture, to output: inout some TextOutputStream) {
        guard let file = options.pictureFiles[picture.kind] else { return }
        let caption = inline(picture.diagram.title, notation: picture.diagram.notation, numbers: picture.diagram.numbers)
        if picture.isHeaded {
            startBlock(&output)
            output.write("### " + caption + "\n")
        }
        startBlock(&output)
        output.write("![" + caption + "](" + file + ")\n")
    }

    // MARK: - Blocks and inline text

    /// Separates a block from the one before it by a blank line.
    private mutating func startBlock(_ output: inout some TextOutputStream) {
        if !opensBody { output.write("\n") }
        opensBody = false
    }

    /// Words escaped, formulas and layer labels between `$`, code in a code span.
    /// - Parameter inTable: Whether the text stands in a table cell, where `|` inside math would end the cell.
    private func inline(_ phrases: [Phrase], inTable: Bool = false) -> String {
        var text = ""
        for phrase in phrases {
            switch phrase {
            case .text(let words): text += words.markdownEscaped
            case .math(let expression): text += math(printer.string(expression), inTable: inTable)
            case .equation(let left, let right): text += math(printer.string(left) + " = " + printer.string(right), inTable: inTable)
            case .layer(let label): text += math(label, inTable: inTable)
            case .matrix(let quantity): text += math(printer.matrixPrinter.string(quantity), inTable: inTable)
            case .code(let code): text += code.markdownCodeSpan
            }
        }
        return text
    }

    /// Inline math: `$…$` with no space inside the dollars, which pandoc and GitHub require; in a table,
    /// `|` as `\vert`.
    private func math(_ latex: String, inTable: Bool) -> String {
        var math = Substring(inTable ? latex.replacing("|", with: "\\vert ") : latex)
        while math.last == " " { math.removeLast() }
        return "$" + math + "$"
    }

    /// A picture's title as Markdown: words escaped, each run of formulas between `$`, so a heading or a
    /// caption holds no Unicode subscripts that pandoc's LaTeX cannot set.
    private func inline(_ title: DiagramText, notation: any Notation, numbers: NumberFormat) -> String {
        let math = DiagramTextPrinter(LaTeXMath(flavor: .markdown), notation: notation, numbers: numbers)
        var text = ""
        var formula: [DiagramText.Piece] = []
        func endFormula() {
            guard !formula.isEmpty else { return }
            text += self.math(math.string(DiagramText(formula, style: title.style)), inTable: false)
            formula = []
        }
        for piece in title.pieces {
            if case .words(let words) = piece {
                endFormula()
                text += words.markdownEscaped
            } else {
                formula.append(piece)
            }
        }
        endFormula()
        return text
    }

    private func cell(_ cell: Table.Cell) -> String {
        switch cell {
        case .math(let expression): return math(printer.string(expression), inTable: true)
        case .number(let value): return math(printer.string(.constant(value)), inTable: true)
        // As math, which every renderer has a glyph for; pandoc's LaTeX has none for the characters.
        case .text("✓"): return "$\\checkmark$"
        case .text("✗"): return "$\\times$"
        case .text(let words): return words.markdownEscaped
        case .phrases(let phrases): return inline(phrases, inTable: true)
        }
    }
}
