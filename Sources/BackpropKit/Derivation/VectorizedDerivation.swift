/// The backpropagation of a network in matrix form, the textbook's four equations: for each layer l from
/// the output down, the errors δ^{(l)} = ∂C/∂z^{(l)} (the note's ∂δ/∂f_l), the weight gradient
/// ∂C/∂W^{(l)} = δ^{(l)} (a^{(l-1)})ᵀ and, with biases, the bias gradient ∂C/∂b^{(l)} = δ^{(l)}, each with its
/// numbers and one entry tied back to the scalar derivation.
///
/// W^{(l)} has one row per neuron of layer l (entry (j, i) = w_{l-1,i,j}), so ∂C/∂W^{(l)} is the transpose
/// of ``LayerGradients/weightGradient``. The numbers are the scalar derivation's up to rounding: the
/// output layer's errors and every weight gradient δ^{(l)} (a^{(l-1)})ᵀ are computed exactly as the scalar
/// ∂δ/∂f_{l,j} and ∂δ/∂f_{l,j} · o_{l-1,i}, but ((Wᵀ δ) ⊙ g'(f))_i = (Σ_j w_{ij} δ_j) · g'(f_i) is one step here
/// where the scalar derivation rounds ∂o_{l,j}/∂o_{l-1,i} = g'(f_j) · w_{ij} and ∂δ/∂o_{l-1,i} on the way, so the
/// errors of a hidden layer, and what is computed from them, may differ in their last printed digits (the last bit
/// or two when exact). Each step's value is exactly the arithmetic of its substituted form: each entry computed
/// from the printed numbers in decimal and rounded once, as the backpropagation's ``Rounding`` says, or in
/// binary when exact, so every printed matrix equation holds; each step uses the errors the step before it printed.
package struct VectorizedDerivation: Sendable {
    /// The scalar backpropagation the matrices summarise.
    package let backpropagation: Backpropagation
    /// The steps, from the output layer down: for each layer its errors, weight gradient and bias gradient.
    package let steps: [VectorizedStep]

    /// The matrix form of `backpropagation`.
    /// - Throws: ``NetworkError/notComputable(reason:)`` if the matrices of a layer do not fit together,
    ///   which a validated network rules out.
    package init(backpropagation: Backpropagation) throws(NetworkError) {
        let network = backpropagation.network
        var steps: [VectorizedStep] = []
        var errors: (formula: MatrixExpression, substituted: MatrixExpression)?
        for k in stride(from: network.depth, through: 1, by: -1) {
            let error = try Self.errorStep(layer: k, backpropagation, next: errors)
            steps.append(error)
            errors = (.quantity(.errors(layer: k)), .value(error.value))
            steps.append(try Self.weightGradientStep(layer: k, backpropagation, errors: error.value))
            if let biasGradient = backpropagation.gradients(ofLayer: k).biasGradient {
                steps.append(VectorizedStep(
                    kind: .biasGradient, layer: k, quantity: .biasGradient(layer: k),
                    formula: .quantity(.errors(layer: k)), substituted: .value(error.value), value: error.value,
                    link: ScalarLink(row: 0, column: 0, symbol: .partial(.loss, .bias(layer: k, neuron: 0)),
                                     value: biasGradient[0])))
            }
        }
        self.backpropagation = backpropagation
        self.steps = steps
    }

    /// The steps of layer `k` (1...N): its errors, weight gradient and bias gradient.
    package func steps(ofLayer k: Int) -> [VectorizedStep] {
        steps.filter { $0.layer == k }
    }

    // MARK: - Steps

    /// δ^{(l)}: from ∇_a C at the output or from (W^{(l+1)})ᵀ δ^{(l+1)} below it, through the activation's
    /// derivatives (⊙ σ'(z^{(l)})) or, for an activation coupling its neurons, its transposed Jacobian.
    private static func errorStep(layer k: Int, _ backpropagation: Backpropagation,
                                  next: (formula: MatrixExpression, substituted: MatrixExpression)?) throws(NetworkError) -> VectorizedStep {
        let network = backpropagation.network
        let gradients = backpropagation.gradients(ofLayer: k)
        let incoming: (formula: MatrixExpression, substituted: MatrixExpression)
        if let next, k < network.depth {
            let weights = try matrix(network.layer(k + 1).weights, layer: k + 1).transposed
            incoming = (.product(.transpose(.quantity(.weights(layer: k + 1))), next.formula),
                        .product(.transpose(.value(weights)), next.substituted))
        } else {
            incoming = (.quantity(.lossGradient(layer: k)), .value(Matrix(column: backpropagation.lossGradient)))
        }
        let couples = network.layer(k).activation.couplesNeurons
        let width = gradients.activationDerivatives.count
        let kind: VectorizedStep.Kind
        let formula: MatrixExpression
        let substituted: MatrixExpression
        if couples {
            var jacobian = Array(repeating: Array(repeating: 0.0, count: width), count: width)
            for (j, couplings) in gradients.activationDerivatives.enumerated() {
                for coupling in couplings { jacobian[j][coupling.neuron] = coupling.value }
            }
            kind = k == network.depth ? .outputErrorThroughJacobian : .hiddenErrorThroughJacobian
            formula = .product(.transpose(.quantity(.activationJacobian(layer: k))), incoming.formula)
            substituted = .product(.transpose(.value(try matrix(jacobian, layer: k))), incoming.substituted)
        } else {
            let derivatives = gradients.activationDerivatives.map { $0.first?.value ?? 0 }
            kind = k == network.depth ? .outputError : .hiddenError
            formula = .hadamard(incoming.formula, .quantity(.activationDerivatives(layer: k)))
            substituted = .hadamard(incoming.substituted, .value(Matrix(column: derivatives)))
        }
        return VectorizedStep(kind: kind, layer: k, quantity: .errors(layer: k), formula: formula, substituted: substituted,
                              value: try evaluate(substituted, layer: k, rounding: backpropagation.rounding),
                              link: errorLink(layer: k, gradients: gradients))
    }

    /// ∂δ/∂W^{(l)} = δ^{(l)} (a^{(l-1)})ᵀ, tied back through entry (1, 2), which is ∂δ/∂w_{l-1,2,1}:
    /// the entry whose indices show the transposition (entry (1, 1) for a single input).
    private static func weightGradientStep(layer k: Int, _ backpropagation: Backpropagation, errors: Matrix) throws(NetworkError) -> VectorizedStep {
        let gradients = backpropagation.gradients(ofLayer: k)
        let previous = backpropagation.forward.activations[k - 1]
        let substituted = MatrixExpression.product(.value(errors), .transpose(.value(Matrix(column: previous))))
        let column = Swift.min(1, previous.count - 1)
        return VectorizedStep(
            kind: .weightGradient, layer: k, quantity: .weightGradient(layer: k),
            formula: .product(.quantity(.errors(layer: k)), .transpose(.quantity(.activations(layer: k - 1)))),
            substituted: substituted,
            value: try evaluate(substituted, layer: k, rounding: backpropagation.rounding),
            link: ScalarLink(row: 0, column: column, symbol: .partial(.loss, .weight(layer: k - 1, from: column, to: 0)),
                             value: gradients.weightGradient[column][0]))
    }

    /// Entry 1 of δ^{(l)}, ∂δ/∂f_{l,1}: a step of the scalar derivation's weight derivatives of layer l.
    private static func errorLink(layer k: Int, gradients: LayerGradients) -> ScalarLink {
        ScalarLink(row: 0, column: 0, symbol: .partial(.loss, .preactivation(layer: k, neuron: 0)), value: gradients.preactivationGradient[0])
    }

    // MARK: - Helpers

    /// The matrix of `rows`, which a validated network makes rectangular.
    private static func matrix(_ rows: [[Double]], layer k: Int) throws(NetworkError) -> Matrix {
        guard let matrix = Matrix(rows: rows) else { throw mismatch(layer: k) }
        return matrix
    }

    /// The value of `substituted`, each entry computed from the printed numbers as `rounding` says.
    private static func evaluate(_ substituted: MatrixExpression, layer k: Int, rounding: Rounding) throws(NetworkError) -> Matrix {
        let value: Matrix?
        do {
            value = try substituted.evaluated(rounding: rounding)
        } catch {
            throw .notComputable(reason: "the matrices of layer \(k) cannot be computed: \(error)")
        }
        guard let value else { throw mismatch(layer: k) }
        return value
    }

    private static func mismatch(layer k: Int) -> NetworkError {
        .notComputable(reason: "the matrices of layer \(k) do not fit together")
    }
}
