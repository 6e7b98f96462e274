import BackpropKit

/// One block of a handout, independent of format: what a ``HandoutFormatter`` visits.
///
/// A ``HandoutBuilder`` emits the blocks of every document derive writes in reading order, one section at a
/// time, so a formatter streams a handout of any size in constant memory.
package enum HandoutBlock {
    /// A heading.
    case heading(Heading)
    /// A paragraph of prose, words and inline math.
    case paragraph([Phrase])
    /// The given values, `symbol = value`, several to a line.
    case givenValues([Step])
    /// Aligned equations: each step with its forms, its value and its blanks.
    case equations([Step])
    /// One step of the matrix form, with the sentence that ties one entry back to the scalar derivation.
    case matrixStep(MatrixStepBlock)
    /// A table.
    case table(Table)
    /// A picture.
    case picture(Picture)
    /// The start of a new page, where the format has pages.
    case pageBreak
}

/// A step of the matrix form and the words that lead into its tie-back to the scalar derivation.
package struct MatrixStepBlock {
    /// The step.
    package let step: VectorizedStep
    /// The words before the equation that ties one entry back to the scalar derivation.
    package let tieBack: String
}

/// A heading: level 1 for a part, 2 for a section, 3 for a subsection.
package struct Heading: Sendable, Equatable {
    /// 1, 2 or 3.
    package let level: Int
    /// The words of the heading.
    package let title: [Phrase]
}
