/// A rectangular matrix of numbers, stored as rows; a column vector is a matrix of one column.
///
/// A formula's numbers are computed entry by entry from the printed numbers
/// (``MatrixExpression/evaluated(rounding:)``).
package struct Matrix: Sendable, Equatable {
    /// The entries, row by row; every row has ``columnCount`` entries.
    package let rows: [[Double]]
    /// The number of columns.
    package let columnCount: Int

    /// A matrix of the given rows, or `nil` when they differ in length.
    package init?(rows: [[Double]]) {
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else { return nil }
        self.init(checkedRows: rows, columnCount: width)
    }

    /// The column vector of `values`.
    package init(column values: [Double]) {
        self.init(checkedRows: values.map { [$0] }, columnCount: values.isEmpty ? 0 : 1)
    }

    /// The row vector of `values`.
    package init(row values: [Double]) {
        self.init(checkedRows: [values], columnCount: values.count)
    }

    /// A matrix whose rows are known to have `columnCount` entries each.
    private init(checkedRows rows: [[Double]], columnCount: Int) {
        self.rows = rows
        self.columnCount = columnCount
    }

    /// The number of rows.
    package var rowCount: Int { rows.count }

    /// The entry in row `row` and column `column` (0-based), or `nil` outside the matrix.
    package func entry(_ row: Int, _ column: Int) -> Double? {
        guard rows.indices.contains(row), (0..<columnCount).contains(column) else { return nil }
        return rows[row][column]
    }

    /// The entries of a column vector, top to bottom, or `nil` when the matrix has more than one column.
    package var column: [Double]? {
        columnCount <= 1 ? rows.compactMap(\.first) : nil
    }

    /// Aᵀ: entry (i, j) is entry (j, i) of this matrix.
    package var transposed: Matrix {
        let columns = (0..<columnCount).map { column in rows.map { $0[column] } }
        return Matrix(checkedRows: columns, columnCount: rowCount)
    }
}
