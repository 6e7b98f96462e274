/// The activation function g_k of a layer.
public enum Activation: String, CaseIterable, Sendable, Codable {
    /// σ(f) = 1 / (1 + e⁻ᶠ).
    case sigmoid
    /// tanh(f).
    case tanh
    /// max(0, f).
    case relu
    /// f for f > 0, 0.01·f otherwise.
    case leakyRelu = "leaky-relu"
    /// f itself (also accepted as `linear`).
    case identity
    /// log(1 + eᶠ).
    case softplus
    /// e^{f_j} / Σ_m e^{f_m} over the whole layer; output layer only.
    case softmax

    /// The activation named `name`, accepting `linear` for ``identity``.
    package init?(name: String) {
        if name == "linear" { self = .identity; return }
        self.init(rawValue: name)
    }

    /// Whether a neuron's output depends on the other neurons of its layer (softmax).
    package var couplesNeurons: Bool { self == .softmax }

    /// The elementary function behind a neuron-wise activation, `nil` for identity and softmax.
    package var elementary: ElementaryFunction? {
        switch self {
        case .sigmoid: return .sigmoid
        case .tanh: return .tanh
        case .relu: return .relu
        case .leakyRelu: return .leakyRelu
        case .softplus: return .softplus
        case .identity, .softmax: return nil
        }
    }

    /// The concrete tree for o_{k,j} = g_k(f_{k,j}) in terms of the layer's pre-activations.
    /// - Parameters:
    ///   - neuron: j, 0-based.
    ///   - preactivations: f_{k,1}, ..., f_{k,m} as expressions.
    package func expression(neuron: Int, preactivations: [Expression]) -> Expression {
        if self == .softmax { return .application(.softmax(index: neuron), preactivations) }
        let f = preactivations[neuron]
        guard let elementary else { return f }
        return .apply(elementary, f)
    }

    /// g(f_j) for every neuron of a layer at once.
    package func values(of preactivations: [Double]) -> [Double] {
        if self == .softmax { return Softmax.values(of: preactivations) }
        guard let elementary else { return preactivations }
        return preactivations.map { (try? elementary.value(at: $0)) ?? .nan }
    }
}
