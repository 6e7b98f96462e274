import BackpropKit

/// Prints a matrix of numbers as LaTeX, Markdown math or Unicode text, each number through a
/// ``NumberFormat``. A matrix with more rows or columns than fit (by count, or by the width of its numbers)
/// is summarised: its first rows and
/// columns, a row of ⋮ and a column of ⋯ (`\vdots`, `\cdots`, `\ddots` where they cross), then its last
/// row and column, so a page never overflows.
///
/// - LaTeX and Markdown math: `\begin{bmatrix} 0.1 & 0.2 \\ 0.3 & 0.4 \end{bmatrix}` (amsmath's `bmatrix`,
///   which MathJax and KaTeX also know).
/// - Unicode, inline: `[0.1, 0.2; 0.3, 0.4]`, rows separated by semicolons.
/// - Unicode, as a block (``lines(_:)``): one line per row between tall brackets, each column aligned on
///   its decimal points:
///   ```
///   ⎡ 0.1   −0.25 ⎤
///   ⎣ 12.5   0.4  ⎦
///   ```
package struct MatrixPrinter<Spelling: MathSpelling> {
    /// How numbers are written.
    package var numbers: NumberFormat { printer.numbers }
    /// The most rows printed, ⋮ included; at least 3.
    package let maximumRows: Int
    /// The most columns printed, ⋯ included; at least 3.
    package let maximumColumns: Int
    /// The widest row of numbers, in estimated characters, before columns are left out for ⋯, unless a
    /// call gives its own: about the width of a page.
    package let maximumWidth: Double
    /// Writes the numbers as the expression printer does (−, × 10ⁿ); it names no symbol.
    private let printer: MathPrinter<Spelling>

    /// A printer writing `spelling` that shows at most `maximumRows` rows and `maximumColumns` columns, and
    /// fewer columns when their numbers are wider than `maximumWidth` characters.
    package init(_ spelling: Spelling, numbers: NumberFormat = .roundTrip, maximumRows: Int = 8, maximumColumns: Int = 8,
                 maximumWidth: Double = 64) {
        self.maximumRows = Swift.max(maximumRows, 3)
        self.maximumColumns = Swift.max(maximumColumns, 3)
        self.maximumWidth = maximumWidth
        printer = MathPrinter(spelling, notation: NoteNotation(depth: 1), numbers: numbers)
    }

    /// The matrix on one line: a `bmatrix` in LaTeX and Markdown math, `[a, b; c, d]` in Unicode.
    /// - Parameter maximumWidth: The widest row of numbers, in estimated characters; ``maximumWidth`` when `nil`.
    package func string(_ matrix: Matrix, maximumWidth: Double? = nil) -> String {
        printer.spelling.matrix(cells(of: matrix, maximumWidth: maximumWidth ?? self.maximumWidth).map { row in row.map(\.text) })
    }

    /// The estimated width of the widest number of `matrix` that is shown, in characters: the width of a
    /// column vector.
    package func columnWidth(of matrix: Matrix) -> Double {
        Self.shown(matrix.rowCount, maximum: maximumRows).compactMap { $0 }.flatMap { row in
            (0..<matrix.columnCount).compactMap { matrix.entry(row, $0).map { printer.width(of: $0) } }
        }.max() ?? 0
    }

    /// The matrix as lines of Unicode text: one per row between ⎡ ⎢ ⎣ and ⎤ ⎥ ⎦ (`[` and `]` for a
    /// single row), the columns aligned on their decimal points. In LaTeX and Markdown math, the one
    /// line of ``string(_:)``.
    /// - Parameter maximumWidth: The widest row of numbers, in estimated characters; ``maximumWidth`` when `nil`.
    package func lines(_ matrix: Matrix, maximumWidth: Double? = nil) -> [String] {
        guard printer.spelling.setsMatricesAsBlocks else { return [string(matrix, maximumWidth: maximumWidth)] }
        let cells = self.cells(of: matrix, maximumWidth: maximumWidth ?? self.maximumWidth)
        let widths = (0..<(cells.first?.count ?? 0)).map { column in
            (left: cells.map { $0[column].integerPart.count }.max() ?? 0,
             right: cells.map { $0[column].fractionPart.count }.max() ?? 0)
        }
        return cells.enumerated().map { index, row in
            let aligned = zip(row, widths).map { cell, width in cell.aligned(left: width.left, right: width.right) }
            let (open, close) = Self.brackets(row: index, of: cells.count)
            return open + " " + aligned.joined(separator: "  ") + " " + close
        }
    }

    // MARK: - Cells

    /// One printed entry, or an ellipsis standing for left-out entries.
    struct Cell: Equatable {
        /// The text in the printer's syntax.
        let text: String
        /// Whether the cell is an ellipsis.
        let isEllipsis: Bool

        /// The text up to its decimal point (or its `×`), for alignment; an ellipsis has none.
        var integerPart: Substring {
            guard !isEllipsis else { return "" }
            let end = text.firstIndex(of: ".") ?? text.firstIndex(of: "×") ?? text.endIndex
            return text[..<end]
        }

        /// The text from its decimal point on.
        var fractionPart: Substring {
            isEllipsis ? "" : text[integerPart.endIndex...]
        }

        /// The text padded to `left` characters before its decimal point and `right` from it; an ellipsis centred.
        func aligned(left: Int, right: Int) -> String {
            guard !isEllipsis else {
                let space = Swift.max(left + right - text.count, 0)
                return String(repeating: " ", count: space / 2) + text + String(repeating: " ", count: space - space / 2)
            }
            return String(repeating: " ", count: left - integerPart.count) + text
                + String(repeating: " ", count: right - fractionPart.count)
        }
    }

    /// The cells shown: every entry, or the first and last rows and columns around ellipses.
    func cells(of matrix: Matrix, maximumWidth: Double) -> [[Cell]] {
        let rows = Self.shown(matrix.rowCount, maximum: maximumRows)
        let columns = Self.shown(matrix.columnCount, maximum: columnLimit(of: matrix, rows: rows.compactMap { $0 }, maximumWidth: maximumWidth))
        return rows.map { row in
            columns.map { column in
                guard let row, let column else {
                    return row == nil && column == nil ? diagonalEllipsis : row == nil ? verticalEllipsis : horizontalEllipsis
                }
                return Cell(text: printer.string(.constant(matrix.entry(row, column) ?? .nan)), isEllipsis: false)
            }
        }
    }

    /// The most columns of `matrix` shown, ⋯ included: ``maximumColumns``, fewer when the numbers of the shown
    /// `rows` are wider than `maximumWidth`, but at least 3 (the first, ⋯ and the last).
    private func columnLimit(of matrix: Matrix, rows: [Int], maximumWidth: Double) -> Int {
        let widths = (0..<matrix.columnCount).map { column in
            rows.compactMap { matrix.entry($0, column).map { printer.width(of: $0) } }.max() ?? 0
        }
        let separator = 2.0
        func width(showing count: Int) -> Double {
            guard count < widths.count else { return widths.reduce(0, +) + separator * Double(widths.count) }
            return widths.prefix(count - 2).reduce(0, +) + separator + (widths.last ?? 0) + separator * Double(count)
        }
        var limit = Swift.min(maximumColumns, widths.count)
        while limit > 3 && width(showing: limit) > maximumWidth { limit -= 1 }
        return limit
    }

    private var verticalEllipsis: Cell { Cell(text: printer.spelling.ellipses.vertical, isEllipsis: true) }
    private var horizontalEllipsis: Cell { Cell(text: printer.spelling.ellipses.horizontal, isEllipsis: true) }
    private var diagonalEllipsis: Cell { Cell(text: printer.spelling.ellipses.diagonal, isEllipsis: true) }

    /// The indices shown of `count`, `nil` standing for the left-out ones: all when they fit in
    /// `maximum`, else the first `maximum − 2`, an ellipsis and the last.
    static func shown(_ count: Int, maximum: Int) -> [Int?] {
        guard count > maximum else { return Array(0..<count) }
        return Array(0..<(maximum - 2)) + [nil, count - 1]
    }

    /// The brackets of row `row` of `count` rows.
    private static func brackets(row: Int, of count: Int) -> (String, String) {
        if count == 1 { return ("[", "]") }
        if row == 0 { return ("⎡", "⎤") }
        if row == count - 1 { return ("⎣", "⎦") }
        return ("⎢", "⎥")
    }
}
