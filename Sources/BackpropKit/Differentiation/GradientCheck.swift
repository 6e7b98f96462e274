/// The gradient check course notes recommend when students implement backpropagation: every weight and
/// bias derivative of the derivation beside a finite-difference estimate of the same derivative.
///
/// The estimate is the fourth-order central difference
/// (8(δ(x + h) − δ(x − h)) − (δ(x + 2h) − δ(x − 2h))) / 12h with h = 10⁻⁴ · max(1, |x|), its differences
/// taken first so that a loss that does not depend on x gives exactly 0; the relative error is
/// |a − b| / max(|a|, |b|), 0 when both are 0, and an entry passes below 10⁻⁷.
package struct GradientCheck: Sendable {
    /// One parameter checked.
    package struct Entry: Sendable, Equatable {
        /// The weight or bias.
        package let parameter: Symbol
        /// ∂δ/∂parameter from backpropagation, unrounded.
        package let derived: Double
        /// The finite-difference estimate.
        package let estimated: Double

        /// |derived − estimated| / max(|derived|, |estimated|), and 0 when both are 0: the formula the handout prints.
        package var relativeError: Double {
            let larger = Swift.max(Swift.abs(derived), Swift.abs(estimated))
            return larger == 0 ? 0 : Swift.abs(derived - estimated) / larger
        }

        /// Whether the relative error is below ``GradientCheck/tolerance``.
        package var passes: Bool { relativeError < GradientCheck.tolerance }
    }

    /// The relative error below which an entry passes.
    package static let tolerance = 1e-7
    /// The most weights and biases checked: each costs four forward passes.
    package static let parameterLimit = 20_000

    /// Every weight, then every bias, layer by layer from the first.
    package let entries: [Entry]

    /// Checks every weight and bias of `backpropagation`'s network. A rounded backpropagation's derivatives are
    /// computed again without rounding: the check tests the mathematics, not the rounding of the printed steps.
    /// - Throws: ``NetworkError/invalid(path:reason:)`` beyond ``parameterLimit`` parameters,
    ///   ``NetworkError/notComputable(reason:)`` when a shifted network has no finite loss.
    package init(backpropagation: Backpropagation) throws(NetworkError) {
        let network = backpropagation.network
        guard network.parameterCount <= Self.parameterLimit else {
            throw .invalid(path: "check", reason: "a gradient check covers at most \(Self.parameterLimit) weights and biases, this network has \(network.parameterCount)")
        }
        let exact = backpropagation.rounding == .exact ? backpropagation : try Backpropagation(network: network)
        var entries: [Entry] = []
        entries.reserveCapacity(network.parameterCount)
        for k in 1...network.depth {
            let layer = network.layer(k)
            let gradients = exact.gradients(ofLayer: k)
            for i in 0..<layer.inputWidth {
                for j in 0..<layer.width {
                    let weight = Symbol.weight(layer: k - 1, from: i, to: j)
                    entries.append(Entry(parameter: weight, derived: gradients.weightGradient[i][j],
                                         estimated: try Self.estimate(network, weight, at: layer.weights[i][j])))
                }
            }
            if let biases = layer.biases, let biasGradient = gradients.biasGradient {
                for j in biases.indices {
                    let bias = Symbol.bias(layer: k, neuron: j)
                    entries.append(Entry(parameter: bias, derived: biasGradient[j],
                                         estimated: try Self.estimate(network, bias, at: biases[j])))
                }
            }
        }
        self.entries = entries
    }

    /// Whether every entry passes.
    package var passes: Bool { entries.allSatisfy(\.passes) }

    /// The largest relative error.
    package var largestRelativeError: Double { entries.map(\.relativeError).max() ?? 0 }

    private static func estimate(_ network: Network, _ parameter: Symbol, at value: Double) throws(NetworkError) -> Double {
        let h = 1e-4 * Swift.max(1, Swift.abs(value))
        func loss(_ offset: Double) throws(NetworkError) -> Double {
            try ForwardPass(network: network.replacing(parameter, with: value + offset)).loss
        }
        let near = try loss(h) - loss(-h), far = try loss(2 * h) - loss(-2 * h)
        return (8 * near - far) / (12 * h)
    }
}
