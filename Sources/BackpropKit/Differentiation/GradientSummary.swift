import BackpropKit

/// The size of the gradients layer by layer, to show vanishing or exploding gradients: the largest
/// |∂δ/∂w| of each layer and the largest activation derivative |g'_k(f)| that the error is multiplied by.
package struct GradientSummary: Sendable {
    /// One layer's figures.
    package struct Layer: Sendable, Equatable {
        /// k, 1...N.
        package let layer: Int
        /// max_{i,j} |∂δ/∂w_{k-1,i,j}|.
        package let largestWeightGradient: Double
        /// max_{j,m} |∂o_{k,j}/∂f_{k,m}|.
        package let largestActivationDerivative: Double
    }

    /// A change of this many orders of magnitude from the last layer to the first earns a remark.
    package static let remarkableOrders = 2.0

    /// The layers from the first to the output.
    package let layers: [Layer]

    /// The figures of `backpropagation`.
    package init(backpropagation: Backpropagation) {
        layers = backpropagation.layers.map { gradients in
            Layer(layer: gradients.layer,
                  largestWeightGradient: gradients.weightGradient.joined().map(Swift.abs).max() ?? 0,
                  largestActivationDerivative: gradients.activationDerivatives.joined().map { Swift.abs($0.value) }.max() ?? 0)
        }
    }

    /// log₁₀ of (largest |∂δ/∂w| in the first layer) / (largest in the output layer): negative when
    /// gradients vanish towards the input, positive when they explode; `nil` with one layer or a zero gradient.
    package var ordersOfMagnitude: Double? {
        guard layers.count > 1, let first = layers.first?.largestWeightGradient, let last = layers.last?.largestWeightGradient,
              first > 0, last > 0 else { return nil }
        return CMath.log10(first / last)
    }

    /// Π_k max |g'_k|: the most the activation derivatives can scale an error on its way to the first layer.
    package var activationDerivativeProduct: Double {
        layers.dropLast().reduce(1) { $0 * $1.largestActivationDerivative }
    }

    /// Whether the change from the output layer to the first is large enough to remark on.
    package var isRemarkable: Bool {
        guard let orders = ordersOfMagnitude else { return false }
        return Swift.abs(orders) >= Self.remarkableOrders
    }
}

