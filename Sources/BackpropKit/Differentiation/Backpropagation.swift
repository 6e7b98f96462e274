/// The numbers of one backpropagation through a network: its forward pass, ∂δ/∂o_{n,j}, and the
/// backward pass through every layer from the output down to the first.
///
/// The local derivatives (∂δ_j/∂o_{n,j}, ∂o_{k,j}/∂f_{k,m}) are the values of the differentiated
/// expression trees; everything after them is products and sums of values already computed,
/// exactly as the derivation states them.
public struct Backpropagation: Sendable {
    /// The network differentiated.
    public let network: Network
    /// The forward pass.
    public let forward: ForwardPass
    /// ∂δ/∂o_{n,j} = ∂loss(o_{n,j}, t_j)/∂o_{n,j}.
    public let lossGradient: [Double]
    /// `layers[k - 1]` is the backward pass through layer k.
    public let layers: [LayerGradients]

    /// How every value was stored.
    public let rounding: Rounding

    /// Runs the forward and backward passes of `network`, storing each value as `rounding` says.
    /// - Throws: ``NetworkError/notComputable(reason:)`` when a value is undefined or overflows.
    public init(network: Network, rounding: Rounding = .exact) throws(NetworkError) {
        let forward = try ForwardPass(network: network, rounding: rounding)
        let bindings = forward.bindings(for: network)
        let depth = network.depth

        var lossGradient: [Double] = []
        for j in network.target.indices {
            let output = Symbol.activation(layer: depth, neuron: j)
            let derivative = network.lossExpression(neuron: j).derivative(withRespectTo: output)
            lossGradient.append(rounding(try Self.value(of: derivative, bindings) {
                "the derivative of the \(network.loss.rawValue) loss at output \(j + 1) is undefined"
            }))
        }

        var layers: [LayerGradients] = []
        layers.reserveCapacity(depth)
        var outputGradient = lossGradient
        for k in stride(from: depth, through: 1, by: -1) {
            var derivatives: [[LayerGradients.Coupling]] = []
            for j in 0..<network.layer(k).width {
                var couplings: [LayerGradients.Coupling] = []
                for m in Self.couplings(of: network, layer: k, neuron: j) {
                    let derivative = network.activationDerivativeExpression(layer: k, neuron: j, by: m)
                    let value = try Self.value(of: derivative, bindings) {
                        "the derivative of the activation of neuron \(j + 1) in layer \(k) is undefined"
                    }
                    couplings.append(.init(neuron: m, value: rounding(value)))
                }
                derivatives.append(couplings)
            }
            let gradients = LayerGradients(
                layer: k, network: network, forward: forward,
                activationDerivatives: derivatives, outputGradient: outputGradient, rounding: rounding)
            if !gradients.isFinite {
                throw .notComputable(reason: "the gradients of layer \(k) overflow")
            }
            layers.append(gradients)
            outputGradient = gradients.previousOutputGradient
        }
        self.network = network
        self.rounding = rounding
        self.forward = forward
        self.lossGradient = lossGradient
        self.layers = layers.reversed()
    }

    /// The backward pass through layer `k` (1...N).
    public func gradients(ofLayer k: Int) -> LayerGradients { layers[k - 1] }

    /// ∂δ/∂o_{0,i}: the gradient with respect to the input.
    public var inputGradient: [Double] { layers.first?.previousOutputGradient ?? [] }

    /// The pre-activations m that o_{k,j} depends on: j alone, or the whole layer for softmax.
    static func couplings(of network: Network, layer k: Int, neuron j: Int) -> Range<Int> {
        network.layer(k).activation.couplesNeurons ? 0..<network.layer(k).width : j..<(j + 1)
    }

    private static func value(of expression: Expression, _ bindings: (Symbol) -> Double?, failure: () -> String) throws(NetworkError) -> Double {
        do {
            return try expression.evaluate(bindings)
        } catch {
            throw .notComputable(reason: "\(failure()): \(error)")
        }
    }
}

extension LayerGradients {
    /// Whether every number of the layer's backward pass is finite.
    var isFinite: Bool {
        weightGradient.allSatisfy { $0.allSatisfy(\.isFinite) }
            && previousOutputGradient.allSatisfy(\.isFinite)
            && preactivationGradient.allSatisfy(\.isFinite)
            && (updatedWeights ?? []).allSatisfy { $0.allSatisfy(\.isFinite) }
            && (updatedBiases ?? []).allSatisfy(\.isFinite)
    }
}

extension ForwardPass {
    /// The value of every symbol of `network` after this forward pass.
    package func bindings(for network: Network) -> @Sendable (Symbol) -> Double? {
        let preactivations = preactivations, activations = activations, lossTerms = lossTerms, loss = loss
        return { symbol in
            switch symbol {
            case .preactivation(let k, let j): return preactivations.element(k)?.element(j)
            case .activation(let k, let j): return activations.element(k)?.element(j)
            case .weight(let k, let i, let j): return network.layers.element(k)?.weights.element(i)?.element(j)
            case .bias(let k, let j): return network.layers.element(k - 1)?.biases?.element(j)
            case .target(let j): return network.target.element(j)
            case .lossTerm(let j): return lossTerms.element(j)
            case .loss: return loss
            case .learningRate: return network.learningRate
            case .updatedWeight, .updatedBias, .variable, .adjoint, .tangent, .generic, .afterUpdate: return nil
            }
        }
    }
}

extension Array {
    /// The element at `index`, or `nil` when the index is out of bounds.
    func element(_ index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
