/// One equation of the vectorized derivation: a vector or matrix, its formula, the formula with the
/// numbers substituted, the resulting numbers, and one entry tied back to the scalar derivation.
///
/// The equations are written here in the textbook's notation, where C is the loss (the note's δ) and
/// δ^{(l)} = ∂C/∂z^{(l)} are the errors of layer l; a ``MatrixExpressionPrinter`` writes them in any notation.
package struct VectorizedStep: Sendable, Equatable {
    /// Which of the four equations a step is.
    package enum Kind: Sendable, Equatable {
        /// δ^{(L)} = ∇_a C ⊙ σ'(z^{(L)}): the output layer's errors, for a neuron-wise activation.
        case outputError
        /// δ^{(L)} = (∂a^{(L)}/∂z^{(L)})ᵀ ∇_a C: the output layer's errors through the activation's Jacobian.
        /// Softmax makes each output depend on every pre-activation, so the Hadamard form does not apply.
        case outputErrorThroughJacobian
        /// δ^{(l)} = ((W^{(l+1)})ᵀ δ^{(l+1)}) ⊙ σ'(z^{(l)}): a hidden layer's errors from the next layer's.
        case hiddenError
        /// δ^{(l)} = (∂a^{(l)}/∂z^{(l)})ᵀ ((W^{(l+1)})ᵀ δ^{(l+1)}): a hidden layer's errors through its
        /// activation's Jacobian (an activation coupling its neurons; validated networks allow this only
        /// on the output layer).
        case hiddenErrorThroughJacobian
        /// ∂C/∂W^{(l)} = δ^{(l)} (a^{(l-1)})ᵀ: the weight gradient, one row per neuron of layer l.
        case weightGradient
        /// ∂C/∂b^{(l)} = δ^{(l)}: the bias gradient, for a layer with biases.
        case biasGradient
    }

    /// Which equation the step is.
    package let kind: Kind
    /// The layer l the equation is about, 1...N.
    package let layer: Int
    /// The quantity defined: δ^{(l)}, ∂C/∂W^{(l)} or ∂C/∂b^{(l)}.
    package let quantity: MatrixQuantity
    /// The formula, in named quantities.
    package let formula: MatrixExpression
    /// The formula with the numbers substituted, whose arithmetic gives ``value``.
    package let substituted: MatrixExpression
    /// The numbers.
    package let value: Matrix
    /// One entry of ``value`` tied back to the scalar derivation.
    package let link: ScalarLink
}

extension VectorizedStep {
    /// Whether the substituted form does arithmetic worth printing: not for ∂C/∂b^{(l)} = δ^{(l)}, whose
    /// substitution is just the numbers of δ^{(l)}.
    package var showsArithmetic: Bool {
        if case .value = substituted { return false }
        return true
    }
}
