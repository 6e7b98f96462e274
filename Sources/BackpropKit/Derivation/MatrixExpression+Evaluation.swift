extension MatrixExpression {
    /// The numbers of an expression whose leaves are all ``value(_:)``, each entry computed from the printed
    /// numbers as `rounding` says, the way the scalar steps are: (A B)_{ij} = Σ_k A_{ik} B_{kj} summed from k = 1
    /// and (A ⊙ B)_{ij} = A_{ij} B_{ij}, the whole arithmetic of an entry done in decimal and rounded once, half
    /// away from zero, so that every printed matrix equation holds digit for digit.
    /// - Returns: The resulting matrix, or `nil` when a leaf is a named quantity or two shapes do not fit.
    /// - Throws: ``EvaluationError`` when an entry overflows.
    package func evaluated(rounding: Rounding) throws(EvaluationError) -> Matrix? {
        guard let entries = entries() else { return nil }
        var rows: [[Double]] = []
        rows.reserveCapacity(entries.rowCount)
        for i in 0..<entries.rowCount {
            var row: [Double] = []
            row.reserveCapacity(entries.columnCount)
            for j in 0..<entries.columnCount { row.append(try rounding.value(of: entries.entry(i, j)) { _ in nil }) }
            rows.append(row)
        }
        return Matrix(rows: rows)
    }

    /// The arithmetic of each entry, as a scalar expression of the printed numbers, or `nil` when a leaf is a
    /// named quantity or two shapes do not fit.
    private func entries() -> Entries? {
        switch self {
        case .quantity:
            return nil
        case .value(let matrix):
            return Entries(rowCount: matrix.rowCount, columnCount: matrix.columnCount) { .constant(matrix.rows[$0][$1]) }
        case .transpose(let operand):
            guard let entries = operand.entries() else { return nil }
            return Entries(rowCount: entries.columnCount, columnCount: entries.rowCount) { entries.entry($1, $0) }
        case .product(let left, let right):
            guard let a = left.entries(), let b = right.entries(), a.columnCount == b.rowCount else { return nil }
            return Entries(rowCount: a.rowCount, columnCount: b.columnCount) { i, j in
                .sum((0..<a.columnCount).map { k in .product([a.entry(i, k), b.entry(k, j)]) })
            }
        case .hadamard(let left, let right):
            guard let a = left.entries(), let b = right.entries(), a.rowCount == b.rowCount, a.columnCount == b.columnCount else {
                return nil
            }
            return Entries(rowCount: a.rowCount, columnCount: a.columnCount) { .product([a.entry($0, $1), b.entry($0, $1)]) }
        }
    }
}

/// The entries of a matrix formula before they are computed: its shape and the arithmetic of entry (i, j).
private struct Entries {
    /// The number of rows.
    let rowCount: Int
    /// The number of columns.
    let columnCount: Int
    /// The scalar expression of entry (i, j), 0-based.
    let entry: (Int, Int) -> Expression
}
