import BackpropKit

/// Writes a handout as a complete LaTeX document from the handout template: `align*` blocks whose long
/// sums wrap, TikZ pictures, and each layer's error derivatives ∂δ/∂o_{k,j} in that layer's colour.
package struct LaTeXFormatter: HandoutFormatter {
    /// What the formatter writes besides the handout's blocks.
    package struct Options: Sendable {
        /// The document skeleton.
        package var template: Template
        /// Whether to draw pictures (TikZ).
        package var includesPictures: Bool

        /// The shipped template, with pictures.
        package static let `default` = Options()

        /// Options with `template`, drawing pictures when `includesPictures`.
        package init(template: Template = .latexHandout, includesPictures: Bool = true) {
            self.template = template
            self.includesPictures = includesPictures
        }
    }

    /// The options.
    package let options: Options
    private var printer = MathPrinter(LaTeXMath(), notation: NoteNotation(depth: 1))

    /// The widest line of an equation, in estimated characters: the template's text width, 483.7 pt (A4 less
    /// two 2 cm margins), over 5.5 pt, what one estimated character takes in the compiled handouts (a digit is
    /// 5.475 pt in 11 pt Computer Modern; a subscripted name is set a little wider than estimated, a product
    /// of numbers a little narrower).
    static let lineBudget = 483.7 / 5.5
    /// How many bytes of equations are gathered before they are written out.
    static let writeSize = 1 << 15

    /// A formatter with `options`.
    package init(options: Options = .default) {
        self.options = options
    }

    /// The characters of a line of the title block in the source, about: TeX reads a line into a buffer of limited size.
    static let titleLineWidth = 100
    /// The same for code such as the command that regenerates the handout, which quotes the title.
    static let codeLineWidth = 1_000

    package mutating func begin(_ handout: Handout) -> [String] {
        printer = MathPrinter(LaTeXMath(), notation: handout.notation, numbers: handout.numbers, colorDepth: handout.colorDepth)
        return options.template.pieces([
            "title": handout.info.title.latexEscaped(lineWidth: Self.titleLineWidth),
            "author": handout.info.author.latexEscaped(lineWidth: Self.titleLineWidth),
            "date": handout.info.date.latexEscaped(lineWidth: Self.titleLineWidth),
        ])
    }

    package func shows(_ kind: PictureKind) -> Bool { options.includesPictures }

    package mutating func visitHeading(_ heading: Heading, to output: inout some TextOutputStream) {
        output.write("\\" + Self.headingCommands[min(heading.level, 3) - 1] + "*{" + inline(heading.title) + "}\n\n")
    }

    /// Writes a paragraph; one holding code is set ragged right, since a typewriter font's spaces cannot
    /// stretch to justify a line and a long command would otherwise run into the margin.
    package mutating func visitParagraph(_ phrases: [Phrase], to output: inout some TextOutputStream) {
        let holdsCode = phrases.contains { if case .code = $0 { return true } else { return false } }
        output.write(holdsCode ? "{\\raggedright " + inline(phrases) + "\\par}\n\n" : inline(phrases) + "\n\n")
    }

    package mutating func visitGivenValues(_ steps: [Step], to output: inout some TextOutputStream) {
        let lines = valueLines(steps, printer, separator: ", \\quad ", budget: Self.lineBudget)
        output.write("\\begin{gather*}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{gather*}\n\n")
    }

    package mutating func visitEquations(_ steps: [Step], to output: inout some TextOutputStream) {
        // An `align*` sets every row after the block's widest symbol, so that column is what a row may not use.
        // The steps are reached by index, not iterated: iterating copies each step, a retain of every tree in it.
        var symbolColumn = 0.0
        for index in steps.indices { symbolColumn = Swift.max(symbolColumn, printer.width(of: steps[index].symbol)) }
        let layout = StepLayout(printer: printer, budget: Self.lineBudget, symbolColumn: symbolColumn)
        var lines = LaTeXAlignment.stepLines
        output.write("\\begin{align*}\n")
        for index in steps.indices {
            lines.startStep()
            layout.layOut(steps[index], into: &lines)
            lines.end(with: index == steps.count - 1 ? "\n" : " \\\\\n")
            if lines.text.count >= Self.writeSize || index == steps.count - 1 {
                lines.text.write(to: &output)
                lines.clear()
            }
        }
        output.write("\\end{align*}\n\n")
    }

    package mutating func visitMatrixStep(_ block: MatrixStepBlock, to output: inout some TextOutputStream) {
        let matrices = printer.matrixPrinter
        let (quantity, forms) = matrices.forms(of: block.step)
        output.write("\\begin{align*}\n" + LaTeXAlignment.matrixStep(quantity, forms: forms) + "\n\\end{align*}\n")
        output.write(block.tieBack.latexEscaped + "$" + matrices.linkEquation(of: block.step) + "$.\n\n")
    }

    /// Writes a table as a `longtable` that breaks across pages with its header repeated, or, when it has at
    /// most ``unbrokenTableRows`` rows, as a centred `tabular` kept with the line before it: `longtable` takes
    /// a whole page's height even when pictures float at the top of its page, and would then run over its foot.
    package mutating func visitTable(_ table: Table, to output: inout some TextOutputStream) {
        let isWhole = table.rows.count <= Self.unbrokenTableRows
        // A whole table stays on the page of the line that introduces it: a centred paragraph, since the
        // `center` environment starts with a place to break the page.
        let (opening, closing) = isWhole ? ("\\nopagebreak\\centering\n\\begin{tabular}", "\\end{tabular}\\par")
                                         : ("\\begin{longtable}", "\\end{longtable}")
        // Rows a little taller than text lines, so the fractions of ∂δ/∂w in one row clear those of the next.
        output.write("{\\renewcommand{\\arraystretch}{" + (table.isCompact ? "1}\\footnotesize\\setlength{\\tabcolsep}{3pt}" : "1.6}")
                     + "\n" + opening + "{l" + String(repeating: "r", count: table.columns.count - 1) + "}\n\\hline\n")
        output.write(table.columns.map(cell).joined(separator: " & ") + " \\\\\n\\hline\n" + (isWhole ? "" : "\\endhead\n"))
        for row in table.rows { output.write(row.map(cell).joined(separator: " & ") + " \\\\\n") }
        output.write("\\hline\n" + closing + "}\n\n")
    }

    /// The most rows a table set whole, never broken across pages, may have.
    static let unbrokenTableRows = 8

    /// Writes a picture as a float, so that text fills the rest of a page the picture does not fit on and the
    /// picture goes to the top of the next; a heading travels with its picture, set like a subsection's.
    package mutating func visitPicture(_ picture: Picture, to output: inout some TextOutputStream) {
        let writer = TikZDiagramWriter()
        output.write("\\begin{figure}[!htbp]\n")
        if picture.isHeaded {
            output.write("{\\raggedright\\normalfont\\large\\bfseries " + writer.caption(of: picture.diagram) + "\\par}\\medskip\n")
        }
        output.write("\\centering\n")
        writer.write(picture.diagram, to: &output)
        output.write("\\end{figure}\n\n")
    }

    package mutating func visitPageBreak(to output: inout some TextOutputStream) {
        output.write("\\newpage\n")
    }

    // MARK: - Inline text

    private static let headingCommands = ["section", "subsection", "subsubsection"]

    /// Words escaped, formulas and layer labels between `$`, code in `\texttt` that may break after
    /// hyphens and commas.
    private func inline(_ phrases: [Phrase]) -> String {
        var text = ""
        for phrase in phrases {
            switch phrase {
            case .text(let words): text += words.latexEscaped
            case .math(let expression): text += "$" + printer.string(expression) + "$"
            case .equation(let left, let right): text += "$" + printer.string(left) + " = " + printer.string(right) + "$"
            case .layer(let label): text += "$" + label + "$"
            case .matrix(let quantity): text += "$" + printer.matrixPrinter.string(quantity) + "$"
            case .code(let code):
                text += "\\texttt{" + code.latexEscaped(lineWidth: Self.codeLineWidth).breakableCode + "}"
            }
        }
        return text
    }

    private func cell(_ cell: Table.Cell) -> String {
        switch cell {
        case .math(let expression): return "$" + printer.string(expression) + "$"
        case .number(let value): return "$" + printer.string(.constant(value)) + "$"
        case .text("✓"): return "$\\checkmark$"
        case .text("✗"): return "$\\times$"
        case .text(let words): return words.latexEscaped
        case .phrases(let phrases): return inline(phrases)
        }
    }
}

private extension String {
    /// Escaped code that may break after a comma and after a hyphen inside a word (categorical-cross-entropy),
    /// never inside `--`; every hyphen followed by `{}` so TeX sets no en dash.
    var breakableCode: String {
        var result = ""
        var previous: Character = " "
        for character in self {
            switch character {
            case "-": result += previous.isLetter ? "-{}\\allowbreak{}" : "-{}"
            case ",": result += ",\\allowbreak{}"
            default: result.append(character)
            }
            previous = character
        }
        return result
    }
}
