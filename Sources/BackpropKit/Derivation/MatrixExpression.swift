/// A formula of the vectorized derivation: named vectors and matrices, or their numbers, combined by
/// transposition, the matrix product and the Hadamard product.
///
/// Like ``Expression``, it holds no names: a ``MatrixExpressionPrinter`` names each ``MatrixQuantity``
/// through a ``Notation``, so one formula reads δ^{(l)} = ((W^{(l+1)})ᵀ δ^{(l+1)}) ⊙ σ'(z^{(l)}) in the
/// textbook's notation and ∂δ/∂f_{n-1} = (W_{n-1}ᵀ ∂δ/∂f_n) ⊙ g'_{n-1}(f_{n-1}) in the note's.
package indirect enum MatrixExpression: Sendable, Equatable {
    /// A named vector or matrix.
    case quantity(MatrixQuantity)
    /// A vector or matrix of numbers.
    case value(Matrix)
    /// Aᵀ.
    case transpose(MatrixExpression)
    /// The matrix product A B.
    case product(MatrixExpression, MatrixExpression)
    /// The Hadamard (entrywise) product A ⊙ B.
    case hadamard(MatrixExpression, MatrixExpression)
}
