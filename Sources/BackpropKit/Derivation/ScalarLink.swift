/// One entry of a vectorized step tied back to the scalar derivation: which scalar step it is, and the
/// value the scalar derivation gives it.
///
/// For ∂δ/∂W^{(l)} the entry in row j and column i is ∂δ/∂w_{l-1,i,j}: the row is the neuron the weight
/// feeds and the column the neuron it comes from, the reverse of the note's index order.
package struct ScalarLink: Sendable, Equatable {
    /// The entry's row, 0-based.
    package let row: Int
    /// The entry's column, 0-based (0 for a vector).
    package let column: Int
    /// The scalar step the entry is, such as ∂δ/∂w_{l-1,i,j} or ∂δ/∂f_{l,j}.
    package let symbol: Expression
    /// The scalar derivation's value of the quantity; the matrix entry agrees with it to rounding
    /// (the matrix products associate their factors differently).
    package let value: Double

    /// A link from entry (`row`, `column`) to the scalar quantity `symbol`.
    package init(row: Int, column: Int, symbol: Expression, value: Double) {
        self.row = row
        self.column = column
        self.symbol = symbol
        self.value = value
    }
}
