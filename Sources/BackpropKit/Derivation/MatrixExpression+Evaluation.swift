extension MatrixExpression {
    /// The numbers of an expression whose leaves are all ``value(_:)``: products summed in the order
    /// of their shared index, as ``Matrix/multiplied(by:)`` does.
    /// - Returns: The resulting matrix, or `nil` when a leaf is a named quantity or two shapes do not fit.
    package func evaluated() -> Matrix? {
        switch self {
        case .quantity: return nil
        case .value(let matrix): return matrix
        case .transpose(let operand): return operand.evaluated()?.transposed
        case .product(let left, let right):
            guard let left = left.evaluated(), let right = right.evaluated() else { return nil }
            return left.multiplied(by: right)
        case .hadamard(let left, let right):
            guard let left = left.evaluated(), let right = right.evaluated() else { return nil }
            return left.hadamard(right)
        }
    }
}
