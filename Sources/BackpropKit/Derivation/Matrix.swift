/// A rectangular matrix of numbers, stored as rows; a column vector is a matrix of one column.
///
/// The arithmetic sums in the order of the shared index, from the first term, as the scalar
/// derivation does, and ``multiplied(by:)`` and ``hadamard(_:)`` return `nil` when the shapes do not fit.
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

    /// The matrix product A B, (A B)_{ij} = Σ_k A_{ik} B_{kj} summed from k = 1, or `nil` when the
    /// columns of A do not match the rows of B.
    package func multiplied(by other: Matrix) -> Matrix? {
        guard columnCount == other.rowCount else { return nil }
        let product = rows.map { row in
            (0..<other.columnCount).map { j in
                var total = 0.0
                for (k, a) in row.enumerated() { total += a * other.rows[k][j] }
                return total
            }
        }
        return Matrix(checkedRows: product, columnCount: other.columnCount)
    }

    /// The Hadamard (entrywise) product A ⊙ B, (A ⊙ B)_{ij} = A_{ij} B_{ij}, or `nil` when the shapes differ.
    package func hadamard(_ other: Matrix) -> Matrix? {
        guard rowCount == other.rowCount, columnCount == other.columnCount else { return nil }
        return Matrix(checkedRows: zip(rows, other.rows).map { zip($0, $1).map(*) }, columnCount: columnCount)
    }

    /// The matrix with `transform` applied to every entry.
    package func map(_ transform: (Double) -> Double) -> Matrix {
        Matrix(checkedRows: rows.map { $0.map(transform) }, columnCount: columnCount)
    }
}
