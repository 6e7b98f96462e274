/// A fully connected network with its values: the weights, an input, a target and a loss.
///
/// Layers are numbered in code from 0 (input) to N (output); `layers[k - 1]` holds the weights
/// into layer k. Build one with ``init(layers:input:target:loss:learningRate:)``, which validates it.
public struct Network: Sendable, Equatable {
    /// The weight layers 1...N.
    public private(set) var layers: [Layer]
    /// o_{0,i}: the input.
    public private(set) var input: [Double]
    /// t_j: the target of each output neuron.
    public private(set) var target: [Double]
    /// The loss of each output neuron.
    public let loss: Loss
    /// η, when the derivation ends with a gradient-descent update.
    public private(set) var learningRate: Double?

    /// A validated network.
    /// - Throws: ``NetworkError/invalid(path:reason:)`` naming the first inconsistency.
    public init(layers: [Layer], input: [Double], target: [Double], loss: Loss, learningRate: Double? = nil) throws(NetworkError) {
        guard !layers.isEmpty else { throw .invalid(path: "layers", reason: "a network needs at least one layer") }
        guard !input.isEmpty else { throw .invalid(path: "input", reason: "the input is empty") }
        try Self.checkFinite(input, path: "input")
        try Self.checkFinite(target, path: "target")
        var width = input.count
        for (index, layer) in layers.enumerated() {
            let path = "layers[\(index)]"
            guard layer.weights.count == width else {
                throw .invalid(path: "\(path).weights", reason: "expected \(width) rows (one per neuron of the previous layer), found \(layer.weights.count)")
            }
            let next = layer.width
            guard next > 0 else { throw .invalid(path: "\(path).weights", reason: "a layer needs at least one neuron") }
            for (row, weights) in layer.weights.enumerated() {
                guard weights.count == next else {
                    throw .invalid(path: "\(path).weights[\(row)]", reason: "expected \(next) weights, found \(weights.count)")
                }
                try Self.checkFinite(weights, path: "\(path).weights[\(row)]")
            }
            if let biases = layer.biases {
                guard biases.count == next else {
                    throw .invalid(path: "\(path).biases", reason: "expected \(next) biases, found \(biases.count)")
                }
                try Self.checkFinite(biases, path: "\(path).biases")
            }
            if layer.activation == .softmax && index != layers.count - 1 {
                throw .invalid(path: "\(path).activation", reason: "softmax is allowed on the output layer only")
            }
            width = next
        }
        guard target.count == width else {
            throw .invalid(path: "target", reason: "expected \(width) values (one per output neuron), found \(target.count)")
        }
        if let learningRate {
            guard learningRate.isFinite, learningRate > 0 else {
                throw .invalid(path: "learningRate", reason: "expected a positive number")
            }
        }
        self.layers = layers
        self.input = input
        self.target = target
        self.loss = loss
        self.learningRate = learningRate
    }

    /// A copy of a validated network with one weight or bias set to `value`, for finite differences.
    /// - Parameter parameter: A `.weight` or `.bias` symbol of this network; anything else leaves it unchanged.
    package func replacing(_ parameter: Symbol, with value: Double) -> Network {
        var copy = self
        switch parameter {
        case .weight(let k, let i, let j) where copy.layers.indices.contains(k) && copy.layers[k].weights.indices.contains(i)
            && copy.layers[k].weights[i].indices.contains(j):
            copy.layers[k].weights[i][j] = value
        case .bias(let k, let j) where copy.layers.indices.contains(k - 1) && copy.layers[k - 1].biases?.indices.contains(j) == true:
            copy.layers[k - 1].biases?[j] = value
        default:
            break
        }
        return copy
    }

    /// The network with every given value (weights, biases, input, target and learning rate) rounded as
    /// `rounding` says: what a derivation to that many digits starts from.
    package func rounded(by rounding: Rounding) -> Network {
        guard rounding.significantDigits != nil else { return self }
        var copy = self
        copy.layers = layers.map { layer in
            Layer(activation: layer.activation, weights: layer.weights.map { rounding($0) }, biases: layer.biases.map { rounding($0) })
        }
        copy.input = rounding(input)
        copy.target = rounding(target)
        copy.learningRate = learningRate.map { rounding($0) }
        return copy
    }

    /// N, the number of weight layers.
    public var depth: Int { layers.count }
    /// The widths of layers 0...N.
    public var widths: [Int] { [input.count] + layers.map(\.width) }
    /// Whether any layer has biases.
    public var hasBiases: Bool { layers.contains { $0.biases != nil } }
    /// The number of weights and biases.
    public var parameterCount: Int {
        layers.reduce(0) { $0 + $1.inputWidth * $1.width + ($1.biases?.count ?? 0) }
    }

    /// The layer of weights into layer `k` (1...N).
    public func layer(_ k: Int) -> Layer { layers[k - 1] }

    private static func checkFinite(_ values: [Double], path: String) throws(NetworkError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .invalid(path: "\(path)[\(index)]", reason: "expected a finite number")
        }
    }
}

// MARK: - Expression trees

extension Network {
    /// The terms of f_{k,j}: w_{k-1,i,j} o_{k-1,i} for each i, then b_{k,j} when the layer has biases.
    package func preactivationTerms(layer k: Int, neuron j: Int) -> [Expression] {
        var terms = (0..<layer(k).inputWidth).map { i in
            Expression.product([.of(.weight(layer: k - 1, from: i, to: j)), .of(.activation(layer: k - 1, neuron: i))])
        }
        if layer(k).biases != nil { terms.append(.of(.bias(layer: k, neuron: j))) }
        return terms
    }

    /// f_{k,j} = Σ_i w_{k-1,i,j} o_{k-1,i} (+ b_{k,j}).
    package func preactivationExpression(layer k: Int, neuron j: Int) -> Expression {
        .sum(of: preactivationTerms(layer: k, neuron: j))
    }

    /// The concrete o_{k,j} = g_k(f_{k,j}) in terms of the symbols f_{k,·} (σ(f_{k,j}), softmax_j(f_{k,·}), ...).
    package func activationExpression(layer k: Int, neuron j: Int) -> Expression {
        let activation = layer(k).activation
        // Only a softmax reads the whole layer; building the layer's list for one neuron of any other
        // activation would make a layer's steps quadratic in its width.
        guard activation.couplesNeurons else {
            return activation.expression(neuron: 0, preactivations: [.of(.preactivation(layer: k, neuron: j))])
        }
        let preactivations = (0..<layer(k).width).map { Expression.of(.preactivation(layer: k, neuron: $0)) }
        return activation.expression(neuron: j, preactivations: preactivations)
    }

    /// ∂o_{k,j}/∂f_{k,m}: the activation's tree differentiated. For softmax, whose outputs each depend on the
    /// whole layer, every softmax_m(f_{k,·}) in the result is written as the output o_{k,m} it is, as in
    /// o_{k,j}(1 − o_{k,j}); the value then comes from the outputs as printed.
    package func activationDerivativeExpression(layer k: Int, neuron j: Int, by m: Int) -> Expression {
        let derivative = activationExpression(layer: k, neuron: j).derivative(withRespectTo: .preactivation(layer: k, neuron: m))
        guard layer(k).activation.couplesNeurons else { return derivative }
        return derivative.replacing { subtree in
            guard case .application(.softmax(let output), _) = subtree else { return nil }
            return .of(.activation(layer: k, neuron: output))
        }
    }

    /// The abstract o_{k,j} = g_k(f_{k,j}), or g_k(f_{k,1}, ..., f_{k,m}) for a softmax layer.
    package func generalActivationExpression(layer k: Int, neuron j: Int) -> Expression {
        let arguments = layer(k).activation.couplesNeurons
            ? (0..<layer(k).width).map { Expression.of(.preactivation(layer: k, neuron: $0)) }
            : [.of(.preactivation(layer: k, neuron: j))]
        return .application(.activation(layer: k), arguments)
    }

    /// The concrete δ_j = loss(o_{n,j}, t_j).
    package func lossExpression(neuron j: Int) -> Expression {
        loss.expression(output: .of(.activation(layer: depth, neuron: j)), target: .of(.target(neuron: j)))
    }

    /// The abstract δ_j = loss(o_{n,j}, t_j).
    package func generalLossExpression(neuron j: Int) -> Expression {
        .application(.loss, [.of(.activation(layer: depth, neuron: j)), .of(.target(neuron: j))])
    }
}
