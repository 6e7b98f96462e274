import TestSupport
import Testing
@testable import BackpropKit

@Suite struct NetworkTests {
    /// A valid 2-3-2 network; each test breaks one thing.
    static let hidden = Layer(activation: .sigmoid, weights: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], biases: [0.1, 0.2, 0.3])
    static let output = Layer(activation: .tanh, weights: [[0.1, -0.1], [0.2, -0.2], [0.3, -0.3]])

    func makeNetwork(
        layers: [Layer] = [hidden, output], input: [Double] = [1, 2], target: [Double] = [0, 1],
        loss: Loss = .squared, learningRate: Double? = nil
    ) throws(NetworkError) -> Network {
        try Network(layers: layers, input: input, target: target, loss: loss, learningRate: learningRate)
    }

    /// Expects building the network to fail at `path`, with a reason containing `reason`.
    func expectInvalid(
        at path: String, reason: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ build: () throws(NetworkError) -> Network
    ) {
        do {
            let network = try build()
            Issue.record("expected an error at \(path), built \(network)", sourceLocation: sourceLocation)
        } catch {
            guard case .invalid(let actualPath, let actualReason) = error else {
                Issue.record("expected .invalid, got \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(actualPath == path, sourceLocation: sourceLocation)
            if let reason {
                #expect(actualReason.contains(reason), "reason: \(actualReason)", sourceLocation: sourceLocation)
            }
            #expect(error.description == "\(actualPath): \(actualReason)", sourceLocation: sourceLocation)
        }
    }

    @Test func validNetwork() throws {
        let network = try makeNetwork(learningRate: 0.5)
        #expect(network.depth == 2)
        #expect(network.widths == [2, 3, 2])
        #expect(network.hasBiases)
        #expect(network.parameterCount == 2 * 3 + 3 + 3 * 2)
        #expect(network.layer(1) == Self.hidden)
        #expect(network.layer(2) == Self.output)
        #expect(network.learningRate == 0.5)
        #expect(Self.hidden.inputWidth == 2 && Self.hidden.width == 3)
    }

    @Test func noLayers() {
        expectInvalid(at: "layers", reason: "at least one layer") { () throws(NetworkError) in try makeNetwork(layers: []) }
    }

    @Test func emptyInput() {
        expectInvalid(at: "input", reason: "empty") { () throws(NetworkError) in try makeNetwork(input: []) }
    }

    @Test func wrongWeightRowCount() {
        expectInvalid(at: "layers[0].weights", reason: "expected 3 rows (one per neuron of the previous layer), found 2") { () throws(NetworkError) in
            try makeNetwork(input: [1, 2, 3])
        }
        var output = Self.output
        output.weights.removeLast()
        expectInvalid(at: "layers[1].weights", reason: "expected 3 rows (one per neuron of the previous layer), found 2") { () throws(NetworkError) in
            try makeNetwork(layers: [Self.hidden, output])
        }
    }

    @Test func raggedWeightRows() {
        var output = Self.output
        output.weights[1] = [0.2]
        expectInvalid(at: "layers[1].weights[1]", reason: "expected 2 weights, found 1") { () throws(NetworkError) in
            try makeNetwork(layers: [Self.hidden, output])
        }
        var hidden = Self.hidden
        hidden.weights[1].append(0.7)
        expectInvalid(at: "layers[0].weights[1]", reason: "expected 3 weights, found 4") { () throws(NetworkError) in
            try makeNetwork(layers: [hidden, Self.output])
        }
    }

    @Test func layerWithoutNeurons() {
        let empty = Layer(activation: .sigmoid, weights: [[], []])
        expectInvalid(at: "layers[0].weights", reason: "at least one neuron") { () throws(NetworkError) in
            try makeNetwork(layers: [empty])
        }
    }

    @Test func wrongBiasCount() {
        var hidden = Self.hidden
        hidden.biases = [0.1, 0.2]
        expectInvalid(at: "layers[0].biases", reason: "expected 3 biases, found 2") { () throws(NetworkError) in
            try makeNetwork(layers: [hidden, Self.output])
        }
        var output = Self.output
        output.biases = [0.1, 0.2, 0.3]
        expectInvalid(at: "layers[1].biases") { () throws(NetworkError) in try makeNetwork(layers: [Self.hidden, output]) }
    }

    @Test func softmaxOnHiddenLayer() {
        var hidden = Self.hidden
        hidden.activation = .softmax
        expectInvalid(at: "layers[0].activation", reason: "output layer only") { () throws(NetworkError) in
            try makeNetwork(layers: [hidden, Self.output])
        }
    }

    @Test func softmaxOnOutputLayerIsValid() throws {
        var output = Self.output
        output.activation = .softmax
        #expect(try makeNetwork(layers: [Self.hidden, output], loss: .categoricalCrossEntropy).layer(2).activation == .softmax)
    }

    @Test func targetOfWrongLength() {
        expectInvalid(at: "target", reason: "expected 2 values") { () throws(NetworkError) in try makeNetwork(target: [1]) }
        expectInvalid(at: "target") { () throws(NetworkError) in try makeNetwork(target: [1, 0, 0]) }
    }

    @Test func nonFiniteValues() {
        expectInvalid(at: "input[1]", reason: "finite") { () throws(NetworkError) in try makeNetwork(input: [1, .nan]) }
        expectInvalid(at: "target[0]", reason: "finite") { () throws(NetworkError) in try makeNetwork(target: [.infinity, 1]) }
        var output = Self.output
        output.weights[2][1] = -.infinity
        expectInvalid(at: "layers[1].weights[2][1]", reason: "finite") { () throws(NetworkError) in
            try makeNetwork(layers: [Self.hidden, output])
        }
        var hidden = Self.hidden
        hidden.weights[0][0] = .nan
        expectInvalid(at: "layers[0].weights[0][0]") { () throws(NetworkError) in try makeNetwork(layers: [hidden, Self.output]) }
        hidden = Self.hidden
        hidden.biases?[2] = .nan
        expectInvalid(at: "layers[0].biases[2]", reason: "finite") { () throws(NetworkError) in
            try makeNetwork(layers: [hidden, Self.output])
        }
    }

    @Test(arguments: [0.0, -0.1, .infinity, .nan])
    func nonPositiveLearningRate(_ rate: Double) {
        expectInvalid(at: "learningRate", reason: "positive") { () throws(NetworkError) in try makeNetwork(learningRate: rate) }
    }

    @Test func activationNames() {
        #expect(Activation(name: "linear") == .identity)
        #expect(Activation(name: "identity") == .identity)
        #expect(Activation(name: "leaky-relu") == .leakyRelu)
        #expect(Activation(name: "softmax") == .softmax)
        #expect(Activation(name: "gelu") == nil)
        for activation in Activation.allCases {
            #expect(Activation(name: activation.rawValue) == activation)
        }
        #expect(Activation.allCases.filter(\.couplesNeurons) == [.softmax])
    }

    @Test func lossNames() {
        #expect(Loss(rawValue: "half-squared") == .halfSquared)
        #expect(Loss(rawValue: "categorical-cross-entropy") == .categoricalCrossEntropy)
        #expect(Loss.allCases.filter(\.needsProbabilities) == [.crossEntropy, .categoricalCrossEntropy])
    }

    // MARK: - Expression trees

    @Test func preactivationExpressionSumsWeightedInputsAndBias() throws {
        let network = try makeNetwork()
        let expected = Expression.sum([
            .product([.of(.weight(layer: 0, from: 0, to: 2)), .of(.activation(layer: 0, neuron: 0))]),
            .product([.of(.weight(layer: 0, from: 1, to: 2)), .of(.activation(layer: 0, neuron: 1))]),
            .of(.bias(layer: 1, neuron: 2)),
        ])
        #expect(network.preactivationExpression(layer: 1, neuron: 2) == expected)
        #expect(network.preactivationTerms(layer: 2, neuron: 1).count == 3)  // no bias in layer 2
    }

    @Test func singleInputPreactivationIsOneProduct() throws {
        let network = try Network(layers: [Layer(activation: .relu, weights: [[2]])], input: [1], target: [0], loss: .squared)
        #expect(network.preactivationExpression(layer: 1, neuron: 0)
                == .product([.of(.weight(layer: 0, from: 0, to: 0)), .of(.activation(layer: 0, neuron: 0))]))
        #expect(!network.hasBiases)
    }

    @Test func activationExpressions() throws {
        let network = try makeNetwork()
        let f = { (j: Int) in Expression.of(.preactivation(layer: 1, neuron: j)) }
        #expect(network.activationExpression(layer: 1, neuron: 1) == .apply(.sigmoid, f(1)))
        #expect(Activation.identity.expression(neuron: 0, preactivations: [f(0), f(1)]) == f(0))
        #expect(Activation.softmax.expression(neuron: 1, preactivations: [f(0), f(1)]) == .application(.softmax(index: 1), [f(0), f(1)]))
        #expect(network.generalActivationExpression(layer: 2, neuron: 1)
                == .application(.activation(layer: 2), [.of(.preactivation(layer: 2, neuron: 1))]))
    }

    @Test func generalSoftmaxActivationTakesTheWholeLayer() throws {
        var output = Self.output
        output.activation = .softmax
        let network = try makeNetwork(layers: [Self.hidden, output])
        let arguments = (0..<2).map { Expression.of(.preactivation(layer: 2, neuron: $0)) }
        #expect(network.generalActivationExpression(layer: 2, neuron: 0) == .application(.activation(layer: 2), arguments))
    }

    @Test func lossExpressions() throws {
        let network = try makeNetwork(loss: .halfSquared)
        let o = Expression.of(.activation(layer: 2, neuron: 1)), t = Expression.of(.target(neuron: 1))
        #expect(network.lossExpression(neuron: 1) == .quotient(.power(.sum([o, .negation(t)]), 2), 2))
        #expect(network.generalLossExpression(neuron: 1) == .application(.loss, [o, t]))
    }

    @Test(arguments: Loss.allCases)
    func lossValues(_ loss: Loss) throws {
        let value = try loss.expression(output: 0.8, target: 1).evaluate([:])
        switch loss {
        case .squared: #expect(isClose(value, 0.04, relative: 1e-14))
        case .halfSquared: #expect(isClose(value, 0.02, relative: 1e-14))
        case .crossEntropy, .categoricalCrossEntropy: #expect(isClose(value, 0.2231435513142097, relative: 1e-14))  // −log 0.8
        }
    }
}
