import BackpropKit

/// Writes a ``Handout`` in one format by visiting its blocks.
///
/// A format writes headings, paragraphs and equations; every other visit has a default, so a format
/// overrides only what it renders: a format without pictures or pages leaves ``visitPicture(_:to:)`` and
/// ``visitPageBreak(to:)`` alone, given values default to equations. ``format(_:to:)`` is the one
/// loop over the blocks; blocks arrive lazily and go straight to the output, so a handout of any size is
/// written in constant memory.
package protocol HandoutFormatter {
    /// Prepares for `handout` and returns the document around its body: the pieces of the template with the
    /// title block filled in, the body going between each two pieces.
    mutating func begin(_ handout: Handout) -> [String]
    /// Whether the format shows a picture of `kind`.
    func shows(_ kind: PictureKind) -> Bool
    /// Writes a heading.
    mutating func visitHeading(_ heading: Heading, to output: inout some TextOutputStream)
    /// Writes a paragraph.
    mutating func visitParagraph(_ phrases: [Phrase], to output: inout some TextOutputStream)
    /// Writes the given values, `symbol = value`, several to a line.
    mutating func visitGivenValues(_ steps: [Step], to output: inout some TextOutputStream)
    /// Writes aligned equations.
    mutating func visitEquations(_ steps: [Step], to output: inout some TextOutputStream)
    /// Writes a step of the matrix form and its tie-back to the scalar derivation.
    mutating func visitMatrixStep(_ block: MatrixStepBlock, to output: inout some TextOutputStream)
    /// Writes a table.
    mutating func visitTable(_ table: Table, to output: inout some TextOutputStream)
    /// Writes a picture.
    mutating func visitPicture(_ picture: Picture, to output: inout some TextOutputStream)
    /// Starts a new page.
    mutating func visitPageBreak(to output: inout some TextOutputStream)
    /// Closes what the blocks left open, after the last block of the body.
    mutating func finishBody(to output: inout some TextOutputStream)
}

extension HandoutFormatter {
    /// Shows no picture.
    package func shows(_ kind: PictureKind) -> Bool { false }
    /// Writes nothing: the format has no pictures.
    package mutating func visitPicture(_ picture: Picture, to output: inout some TextOutputStream) {}
    /// Writes nothing: the format has no pages.
    package mutating func visitPageBreak(to output: inout some TextOutputStream) {}
    /// Writes the values as equations.
    package mutating func visitGivenValues(_ steps: [Step], to output: inout some TextOutputStream) {
        visitEquations(steps, to: &output)
    }
    /// Writes nothing.
    package mutating func visitMatrixStep(_ block: MatrixStepBlock, to output: inout some TextOutputStream) {}
    /// Writes nothing.
    package mutating func visitTable(_ table: Table, to output: inout some TextOutputStream) {}
    /// Writes nothing: every block closes what it opens.
    package mutating func finishBody(to output: inout some TextOutputStream) {}

    /// Writes the whole of `handout`: the document around it, and every block in order.
    package mutating func format(_ handout: Handout, to output: inout some TextOutputStream) {
        let frame = begin(handout)
        for (index, piece) in frame.enumerated() {
            if index > 0 {
                for block in handout.blocks(showing: { [self] in self.shows($0) }) { visit(block, to: &output) }
                finishBody(to: &output)
            }
            output.write(piece)
        }
    }

    /// Writes one block through its visit.
    package mutating func visit(_ block: HandoutBlock, to output: inout some TextOutputStream) {
        switch block {
        case .heading(let heading): visitHeading(heading, to: &output)
        case .paragraph(let phrases): visitParagraph(phrases, to: &output)
        case .givenValues(let steps): visitGivenValues(steps, to: &output)
        case .equations(let steps): visitEquations(steps, to: &output)
        case .matrixStep(let step): visitMatrixStep(step, to: &output)
        case .table(let table): visitTable(table, to: &output)
        case .picture(let picture): visitPicture(picture, to: &output)
        case .pageBreak: visitPageBreak(to: &output)
        }
    }
}
