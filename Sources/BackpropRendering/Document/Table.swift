import BackpropKit

/// A table of a handout (the gradient check, the gradient sizes by layer), independent of format.
package struct Table: Sendable, Equatable {
    /// One cell.
    package enum Cell: Sendable, Equatable {
        /// A formula.
        case math(Expression)
        /// A number, written through the handout's number format.
        case number(Double)
        /// Words.
        case text(String)
        /// Words and formulas, such as the heading "largest |∂δ/∂w|".
        case phrases([Phrase])
    }

    /// The column headings.
    package let columns: [Cell]
    /// The rows, each with one cell per column.
    package let rows: [[Cell]]
    /// Whether the table is set small and tight, where a format can, so a row of a wide layer fits the page.
    package var isCompact = false

    /// A table with `columns` headings and `rows`.
    package init(columns: [Cell], rows: [[Cell]], isCompact: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.isCompact = isCompact
    }
}
