import BackpropKit

/// Writes a handout as one self-contained HTML5 page from the HTML template: every formula MathML Core with
/// its Unicode text as `alttext`, pictures as inline SVG, each part a `<section>` and each layer's steps a
/// `<details>` a reader can fold. On an exercise sheet every blank value is an input a few lines of the
/// template's script check against the sheet's rounding, and every step's answer waits in a closed
/// `<details>`, so the page is complete with scripting off.
///
/// The markup is XHTML-compatible (every element closed, attributes quoted, only XML's entities), so an XML
/// parser reads the page as well as a browser.
package struct HTMLFormatter: HandoutFormatter {
    /// What the formatter writes besides the handout's blocks.
    package struct Options: Sendable {
        /// The page skeleton.
        package var template: Template

        /// The shipped template.
        package static let `default` = Options()

        /// Options with `template`.
        package init(template: Template = .htmlHandout) {
            self.template = template
        }
    }

    /// The options.
    package let options: Options
    private var printer = MathPrinter(MathMLMath(), notation: NoteNotation(depth: 1))
    /// The printer of every formula's `alttext`.
    private var textPrinter = MathPrinter(UnicodeMath(), notation: NoteNotation(depth: 1))
    /// Whether a part's `<section>` and a layer's `<details>` are open.
    private var opened = (section: false, details: false)
    /// The pictures written so far.
    private var pictureCount = 0

    /// The widest line of an equation, in estimated characters: what fits the page's measure.
    static let lineBudget = 60.0

    /// A formatter with `options`.
    package init(options: Options = .default) {
        self.options = options
    }

    package mutating func begin(_ handout: Handout) -> [String] {
        printer = MathPrinter(MathMLMath(), notation: handout.notation, numbers: handout.numbers, colorDepth: handout.colorDepth)
        textPrinter = MathPrinter(UnicodeMath(), notation: handout.notation, numbers: handout.numbers)
        opened = (false, false)
        pictureCount = 0
        let byline = handout.info.byline.map(\.htmlEscaped).joined(separator: ", ")
        return options.template.pieces([
            "title": handout.info.title.htmlEscaped,
            "author": handout.info.author.htmlEscaped,
            "date": handout.info.date.htmlEscaped,
            "byline": byline.isEmpty ? "" : "<p class=\"byline\">" + byline + "</p>",
        ])
    }

    /// Shows every picture: the diagrams of the network and the computational graph.
    package func shows(_ kind: PictureKind) -> Bool { true }

    /// Writes a part (level 1) as a `<section>` under an `<h2>`, a layer or subsection (level 2) as an open
    /// `<details>` whose summary is its `<h3>`, and a level 3 heading as an `<h4>`: the page's `<h1>` is its title.
    package mutating func visitHeading(_ heading: Heading, to output: inout some TextOutputStream) {
        let title = inline(heading.title)
        switch heading.level {
        case 1:
            closeDetails(&output)
            closeSection(&output)
            output.write("<section>\n<h2>" + title + "</h2>\n")
            opened.section = true
        case 2:
            closeDetails(&output)
            output.write("<details class=\"part\" open=\"open\">\n<summary><h3>" + title + "</h3></summary>\n")
            opened.details = true
        default:
            output.write("<h4>" + title + "</h4>\n")
        }
    }

    package mutating func visitParagraph(_ phrases: [Phrase], to output: inout some TextOutputStream) {
        output.write("<p>" + inline(phrases) + "</p>\n")
    }

    /// Writes the values as a list of `symbol = value`, wrapping as the page narrows.
    package mutating func visitGivenValues(_ steps: [Step], to output: inout some TextOutputStream) {
        var text = "<ul class=\"given\">\n"
        for step in steps {
            let value = Expression.constant(step.value)
            text += "<li>" + math(printer.string(step.symbol) + printer.spelling.signs.equals + printer.string(value),
                                  alt: textPrinter.string(step.symbol) + " = " + textPrinter.string(value)) + "</li>\n"
        }
        output.write(text + "</ul>\n")
    }

    /// Writes each step as one display formula whose rows align at `=`, in a box that scrolls sideways when
    /// the formula is wider than the page; a step with blanks gets an input for its value and its answer in
    /// a closed `<details>`.
    package mutating func visitEquations(_ steps: [Step], to output: inout some TextOutputStream) {
        let layout = StepLayout(printer: printer, budget: Self.lineBudget)
        let textLayout = StepLayout(printer: textPrinter, budget: .infinity)
        output.write("<div class=\"steps\">\n")
        for step in steps {
            var text = "<div class=\"step\">" + displayMath(step, layout: layout, textLayout: textLayout)
            if !step.blanks.isEmpty {
                var answer = step
                answer.blanks = []
                text += "<details class=\"answer\"><summary>Answer</summary>" + displayMath(answer, layout: layout, textLayout: textLayout)
                    + "</details>"
            }
            output.write(text + "</div>\n")
        }
        output.write("</div>\n")
    }

    package mutating func visitMatrixStep(_ block: MatrixStepBlock, to output: inout some TextOutputStream) {
        let matrices = printer.matrixPrinter, textMatrices = textPrinter.matrixPrinter
        let (quantity, forms) = matrices.forms(of: block.step)
        let (textQuantity, textForms) = textMatrices.forms(of: block.step)
        let rows = forms.enumerated().map { index, form in
            "<mtr><mtd>" + (index == 0 ? quantity : "") + "</mtd><mtd>" + HTMLStepRows.rowEquals + form + "</mtd></mtr>"
        }
        let alt = ([textQuantity] + textForms).joined(separator: " = ")
        output.write("<div class=\"step\">" + displayMath("<mtable class=\"rows\">" + rows.joined() + "</mtable>", alt: alt) + "</div>\n")
        // The tie-back is as long as a step, too long for a line of text: it gets a box of its own.
        output.write("<p>" + block.tieBack.htmlEscaped + "</p>\n")
        output.write(displayMath(matrices.linkEquation(of: block.step) + "<mo>.</mo>", alt: textMatrices.linkEquation(of: block.step) + ".") + "\n")
    }

    package mutating func visitTable(_ table: Table, to output: inout some TextOutputStream) {
        output.write("<div class=\"table\"><table>\n<thead><tr>" + table.columns.map { "<th scope=\"col\">" + cell($0) + "</th>" }.joined()
                     + "</tr></thead>\n<tbody>\n")
        for row in table.rows { output.write("<tr>" + row.map { "<td>" + cell($0) + "</td>" }.joined() + "</tr>\n") }
        output.write("</tbody>\n</table></div>\n")
    }

    /// Writes a picture as inline SVG in a `<figure>`, under its caption as a heading when it is headed, else
    /// above the caption; the SVG carries the caption as its `<title>`.
    package mutating func visitPicture(_ picture: Picture, to output: inout some TextOutputStream) {
        let writer = SVGDiagramWriter()
        let caption = writer.caption(of: picture.diagram)
        let headed = picture.isHeaded
        if headed { visitHeading(Heading(level: 2, title: [.text(caption)]), to: &output) }
        var svg = ""
        writer.write(picture.diagram, to: &svg)
        if svg.hasPrefix("<?xml"), let declarationEnd = svg.firstIndex(of: "\n") { svg.removeSubrange(...declarationEnd) }
        // The ids of a picture's arrowheads are the page's: each picture's ids get its number, so no two
        // pictures share one and folding one picture away hides no other's.
        pictureCount += 1
        let prefix = "picture-\(pictureCount)-"
        svg = svg.replacing("id=\"", with: "id=\"" + prefix).replacing("url(#", with: "url(#" + prefix).replacing("href=\"#", with: "href=\"#" + prefix)
        output.write("<figure class=\"picture\">\n" + svg + (headed ? "" : "<figcaption>" + caption.htmlEscaped + "</figcaption>\n") + "</figure>\n")
    }

    /// Writes a rule that starts a new page when printed.
    package mutating func visitPageBreak(to output: inout some TextOutputStream) {
        closeDetails(&output)
        closeSection(&output)
        output.write("<hr class=\"page-break\"/>\n")
    }

    package mutating func finishBody(to output: inout some TextOutputStream) {
        closeDetails(&output)
        closeSection(&output)
    }

    // MARK: - Steps

    /// `step` as a display formula in a box of its own: an `<mtable>` with the symbol and the first row,
    /// then a row for each further form or continued sum; its `alttext` the step on one line.
    private func displayMath(_ step: Step, layout: StepLayout<MathMLMath>, textLayout: StepLayout<UnicodeMath>) -> String {
        var rows = HTMLStepRows(step: step, tolerance: tolerance(of: step.value), label: "value of " + textPrinter.string(step.symbol))
        layout.layOut(step, into: &rows)
        let (symbol, textRows) = textLayout.layOut(step)
        let alt = symbol + textRows.map { ($0.startsForm ? " = " : " ") + $0.text }.joined()
        return displayMath("<mtable class=\"rows\">" + rows.text.string + "</mtd></mtr></mtable>",
                           alt: step.blanks.isEmpty ? alt : alt.replacing(/_{4,}/, with: "blank"))
    }

    /// `mathML` as a display formula whose `alttext` is `alt`, in a box that scrolls sideways when it is wider
    /// than the page.
    private func displayMath(_ mathML: String, alt: String) -> String {
        "<div class=\"equation\"><math display=\"block\" alttext=\"" + alt.htmlEscaped + "\">" + mathML + "</math></div>"
    }

    /// How far a typed value may be from `value` and still round to it: half a unit in the last significant
    /// digit the sheet prints, or a billionth of the value when values are exact.
    private func tolerance(of value: Double) -> Double {
        let size = Swift.abs(value)
        guard let digits = printer.numbers.significantDigits else { return 1e-9 * Swift.max(1, size) }
        // The place of the first significant digit: 10^⌊log₁₀ |value|⌋, or 1 for 0.
        var place = 1.0
        while place * 10 <= size && place < 1e300 { place *= 10 }
        while place > size && size > 0 && place > 1e-300 { place /= 10 }
        for _ in 1..<digits { place /= 10 }
        return place / 2
    }

    // MARK: - Inline text

    /// Words escaped, formulas and layer labels as inline `<math>`, code in `<code>`. Punctuation right after a
    /// formula stays on its line: the two go in a `<span>` that does not wrap.
    private func inline(_ phrases: [Phrase]) -> String {
        var text = ""
        var punctuation = ""
        for (index, phrase) in phrases.enumerated() {
            if index + 1 < phrases.count, case .text(let next) = phrases[index + 1], phrase.isMath {
                punctuation = String(next.prefix { ".,;:)".contains($0) })
            }
            if !punctuation.isEmpty && phrase.isMath { text += "<span class=\"nowrap\">" }
            switch phrase {
            case .text(var words):
                if !punctuation.isEmpty {
                    words.removeFirst(punctuation.count)
                    text += punctuation.htmlEscaped + "</span>"
                    punctuation = ""
                }
                text += words.htmlEscaped
            case .math(let expression): text += math(printer.string(expression), alt: textPrinter.string(expression))
            case .equation(let left, let right):
                text += math(printer.string(left) + printer.spelling.signs.equals + printer.string(right),
                             alt: textPrinter.string(left) + " = " + textPrinter.string(right))
            case .layer(let label): text += math(MathMLMath.tokens(label), alt: label)
            case .matrix(let quantity):
                text += math(printer.matrixPrinter.string(quantity), alt: textPrinter.matrixPrinter.string(quantity))
            case .code(let code): text += "<code>" + code.htmlEscaped + "</code>"
            }
        }
        return text
    }

    /// Inline math: `mathML` in a `<math>` element whose `alttext` is `alt`.
    private func math(_ mathML: String, alt: String) -> String {
        "<math alttext=\"" + alt.htmlEscaped + "\">" + mathML + "</math>"
    }

    private func cell(_ cell: Table.Cell) -> String {
        switch cell {
        case .math(let expression): return math(printer.string(expression), alt: textPrinter.string(expression))
        case .number(let value): return math(printer.string(.constant(value)), alt: textPrinter.string(.constant(value)))
        case .text(let words): return words.htmlEscaped
        case .phrases(let phrases): return inline(phrases)
        }
    }

    // MARK: - Containers

    private mutating func closeDetails(_ output: inout some TextOutputStream) {
        if opened.details { output.write("</details>\n") }
        opened.details = false
    }

    private mutating func closeSection(_ output: inout some TextOutputStream) {
        if opened.section { output.write("</section>\n") }
        opened.section = false
    }
}

private extension Phrase {
    /// Whether the phrase is set as a formula.
    var isMath: Bool {
        switch self {
        case .math, .equation, .layer, .matrix: return true
        case .text, .code: return false
        }
    }
}

private extension String {
    /// The text safe inside an element or a quoted attribute, as ``xmlEscaped`` makes it; most of a page's
    /// texts (alttext, names, numbers) need nothing, and are returned after one pass over their bytes.
    var htmlEscaped: String {
        let needsEscaping = utf8.contains { byte in
            byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
        }
        return needsEscaping ? xmlEscaped : self
    }
}
