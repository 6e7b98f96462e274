@testable import BackpropKit
import TestSupport
import Testing

/// The matrix form: its equations in order, numbers equal to the scalar derivation's, weight gradients
/// transposed to the textbook's orientation, and entries tied back to scalar steps.
@Suite struct VectorizedDerivationTests {
    static let networks: [NetworkBlueprint] = [
        NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid]),
        NetworkBlueprint(widths: [3, 4, 2], activations: [.tanh, .sigmoid], loss: .crossEntropy, hasBiases: true, seed: 4, learningRate: 0.3),
        NetworkBlueprint(widths: [3, 5, 4, 2], activations: [.relu, .leakyRelu, .identity], loss: .halfSquared, hasBiases: true, seed: 11),
        NetworkBlueprint(widths: [2, 3, 3], activations: [.tanh, .softmax], loss: .categoricalCrossEntropy, hasBiases: true, seed: 3),
        NetworkBlueprint(widths: [4, 3, 3, 3], activations: [.softplus, .sigmoid, .softmax], loss: .categoricalCrossEntropy, seed: 8),
        NetworkBlueprint(widths: [1, 6, 1], activations: [.sigmoid, .tanh], loss: .squared, seed: 21),
    ]

    @Test(arguments: networks)
    func errorsEqualThePreactivationGradients(_ blueprint: NetworkBlueprint) throws {
        let backpropagation = try Backpropagation(network: blueprint.network())
        let vectorized = try VectorizedDerivation(backpropagation: backpropagation)
        for k in 1...backpropagation.network.depth {
            let error = try #require(vectorized.steps(ofLayer: k).first)
            #expect(error.quantity == .errors(layer: k))
            let column = try #require(error.value.column)
            expectAgree(column, backpropagation.gradients(ofLayer: k).preactivationGradient, "δ of layer \(k)")
        }
    }

    /// δ^{(L)} = ∇_a C ⊙ σ'(z^{(L)}) and (J)ᵀ ∇_a C multiply and add exactly as the scalar derivation does.
    @Test(arguments: networks)
    func outputErrorsAreExact(_ blueprint: NetworkBlueprint) throws {
        let backpropagation = try Backpropagation(network: blueprint.network())
        let depth = backpropagation.network.depth
        let vectorized = try VectorizedDerivation(backpropagation: backpropagation)
        let error = try #require(vectorized.steps.first)
        #expect(error.value.column == backpropagation.gradients(ofLayer: depth).preactivationGradient)
    }

    /// ∂C/∂W^{(l)} has one row per neuron of layer l: the transpose of the scalar weightGradient[i][j].
    @Test(arguments: networks)
    func weightGradientsAreTheScalarOnesTransposed(_ blueprint: NetworkBlueprint) throws {
        let backpropagation = try Backpropagation(network: blueprint.network())
        let vectorized = try VectorizedDerivation(backpropagation: backpropagation)
        for k in 1...backpropagation.network.depth {
            let step = try #require(vectorized.steps(ofLayer: k).first { $0.kind == .weightGradient })
            let scalar = backpropagation.gradients(ofLayer: k).weightGradient
            let layer = backpropagation.network.layer(k)
            #expect(step.value.rowCount == layer.width && step.value.columnCount == layer.inputWidth)
            for (i, row) in scalar.enumerated() {
                for (j, value) in row.enumerated() {
                    expectAgree([step.value.entry(j, i) ?? .nan], [value], "∂C/∂W of layer \(k), entry (\(j + 1), \(i + 1))")
                }
            }
        }
    }

    @Test(arguments: networks)
    func biasGradientsAreTheErrors(_ blueprint: NetworkBlueprint) throws {
        let backpropagation = try Backpropagation(network: blueprint.network())
        let vectorized = try VectorizedDerivation(backpropagation: backpropagation)
        for k in 1...backpropagation.network.depth {
            let steps = vectorized.steps(ofLayer: k)
            let bias = steps.first { $0.kind == .biasGradient }
            guard let scalar = backpropagation.gradients(ofLayer: k).biasGradient else {
                #expect(bias == nil)
                continue
            }
            let step = try #require(bias)
            #expect(step.value == steps.first?.value)
            #expect(step.formula == .quantity(.errors(layer: k)))
            #expect(!step.showsArithmetic)
            expectAgree(try #require(step.value.column), scalar, "∂C/∂b of layer \(k)")
        }
    }

    /// Each value is exactly the arithmetic of its substituted form, and each step uses the errors
    /// the step before it computed.
    @Test(arguments: networks)
    func valuesAreTheSubstitutedArithmetic(_ blueprint: NetworkBlueprint) throws {
        let vectorized = try VectorizedDerivation(backpropagation: Backpropagation(network: blueprint.network()))
        for step in vectorized.steps {
            #expect(try step.substituted.evaluated(rounding: .exact) == step.value)
            #expect(try step.formula.evaluated(rounding: .exact) == nil)
        }
        for (upper, lower) in zip(vectorized.steps, vectorized.steps.dropFirst()) where lower.kind == .hiddenError {
            #expect(upper.layer == lower.layer + 1)
            let previousError = try #require(vectorized.steps(ofLayer: upper.layer).first?.value)
            guard case .hadamard(.product(_, .value(let used)), _) = lower.substituted else {
                Issue.record("unexpected form \(lower.substituted)")
                continue
            }
            #expect(used == previousError)
        }
    }

    @Test func stepsRunFromTheOutputDown() throws {
        let network = try NetworkBlueprint(widths: [2, 3, 2, 1], activations: [.sigmoid, .tanh, .sigmoid], hasBiases: true).network()
        let vectorized = try VectorizedDerivation(backpropagation: Backpropagation(network: network))
        #expect(vectorized.steps.map(\.kind) == [
            .outputError, .weightGradient, .biasGradient,
            .hiddenError, .weightGradient, .biasGradient,
            .hiddenError, .weightGradient, .biasGradient,
        ])
        #expect(vectorized.steps.map(\.layer) == [3, 3, 3, 2, 2, 2, 1, 1, 1])
        #expect(vectorized.steps.map(\.quantity) == [
            .errors(layer: 3), .weightGradient(layer: 3), .biasGradient(layer: 3),
            .errors(layer: 2), .weightGradient(layer: 2), .biasGradient(layer: 2),
            .errors(layer: 1), .weightGradient(layer: 1), .biasGradient(layer: 1),
        ])
    }

    @Test func formulasAreTheFourEquations() throws {
        let network = try NetworkBlueprint(widths: [2, 2, 1], activations: [.sigmoid, .sigmoid]).network()
        let steps = try VectorizedDerivation(backpropagation: Backpropagation(network: network)).steps
        #expect(steps.map(\.formula) == [
            .hadamard(.quantity(.lossGradient(layer: 2)), .quantity(.activationDerivatives(layer: 2))),
            .product(.quantity(.errors(layer: 2)), .transpose(.quantity(.activations(layer: 1)))),
            .hadamard(.product(.transpose(.quantity(.weights(layer: 2))), .quantity(.errors(layer: 2))),
                      .quantity(.activationDerivatives(layer: 1))),
            .product(.quantity(.errors(layer: 1)), .transpose(.quantity(.activations(layer: 0)))),
        ])
    }

    /// Softmax couples its outputs, so δ^{(L)} goes through the transposed Jacobian, not ⊙.
    @Test func softmaxUsesTheJacobian() throws {
        let network = try NetworkBlueprint(widths: [2, 3, 3], activations: [.tanh, .softmax], loss: .categoricalCrossEntropy, seed: 3).network()
        let backpropagation = try Backpropagation(network: network)
        let error = try #require(try VectorizedDerivation(backpropagation: backpropagation).steps.first)
        #expect(error.kind == .outputErrorThroughJacobian)
        #expect(error.formula == .product(.transpose(.quantity(.activationJacobian(layer: 2))), .quantity(.lossGradient(layer: 2))))
        guard case .product(.transpose(.value(let jacobian)), .value(let gradient)) = error.substituted else {
            Issue.record("unexpected form \(error.substituted)")
            return
        }
        let outputs = backpropagation.forward.activations[2]
        for j in 0..<3 {
            for m in 0..<3 {
                let expected = outputs[j] * ((j == m ? 1 : 0) - outputs[m])
                #expect(isClose(jacobian.entry(j, m) ?? .nan, expected, relative: 1e-12, floor: 1e-12))
            }
        }
        #expect(gradient.column == backpropagation.lossGradient)
        #expect(error.link.symbol == .partial(.loss, .preactivation(layer: 2, neuron: 0)))
        #expect(error.link.value == backpropagation.gradients(ofLayer: 2).preactivationGradient[0])
    }

    /// With the identity and the half-squared loss, δ = o − t and ∂C/∂W = δ xᵀ in exact binary fractions:
    /// row j is the neuron fed, column i the input, so entry (1, 2) is ∂δ/∂w_{0,2,1}.
    @Test func weightGradientOrientation() throws {
        let layer = Layer(activation: .identity, weights: [[0.5, 0], [0, 0.25], [0.25, 0.5]])
        let network = try Network(layers: [layer], input: [1, 2, 3], target: [1, 1], loss: .halfSquared)
        let backpropagation = try Backpropagation(network: network)
        let steps = try VectorizedDerivation(backpropagation: backpropagation).steps
        #expect(steps[0].value == Matrix(column: [0.25, 1]))
        #expect(steps[1].value == Matrix(rows: [[0.25, 0.5, 0.75], [1, 2, 3]]))
        #expect(steps[1].substituted == .product(.value(Matrix(column: [0.25, 1])), .transpose(.value(Matrix(column: [1, 2, 3])))))
        #expect(steps[1].link == ScalarLink(row: 0, column: 1, symbol: .partial(.loss, .weight(layer: 0, from: 1, to: 0)), value: 0.5))
        #expect(backpropagation.gradients(ofLayer: 1).weightGradient[1][0] == 0.5)
    }

    /// A hidden layer's errors: ((W^{(2)})ᵀ δ^{(2)}) ⊙ σ'(z^{(1)}), the numbers of W^{(2)} in the
    /// textbook's orientation, one row per neuron of layer 2.
    @Test func hiddenErrorSubstitutesTheWeightMatrix() throws {
        let first = Layer(activation: .identity, weights: [[1, 0.5]])
        let second = Layer(activation: .identity, weights: [[0.5, 0.25, 1], [2, 0, 0.5]])
        let network = try Network(layers: [first, second], input: [2], target: [0, 0, 0], loss: .halfSquared)
        let steps = try VectorizedDerivation(backpropagation: Backpropagation(network: network)).steps
        // o_1 = (2, 1); o_2 = (1 + 2, 0.5, 2 + 0.5) = (3, 0.5, 2.5) = δ^{(2)}.
        #expect(steps[0].value == Matrix(column: [3, 0.5, 2.5]))
        let weights = try #require(Matrix(rows: [[0.5, 2], [0.25, 0], [1, 0.5]]))
        #expect(steps[2].substituted == .hadamard(.product(.transpose(.value(weights)), .value(Matrix(column: [3, 0.5, 2.5]))),
                                                  .value(Matrix(column: [1, 1]))))
        // (W^{(2)})ᵀ δ^{(2)} = (0.5·3 + 0.25·0.5 + 1·2.5, 2·3 + 0 + 0.5·2.5) = (4.125, 7.25).
        #expect(steps[2].value == Matrix(column: [4.125, 7.25]))
        #expect(steps[3].value == Matrix(rows: [[8.25], [14.5]]))
    }

    /// Each step ties one entry to a scalar quantity whose value the scalar derivation states.
    @Test(arguments: networks)
    func linksNameScalarSteps(_ blueprint: NetworkBlueprint) throws {
        let backpropagation = try Backpropagation(network: blueprint.network())
        let vectorized = try VectorizedDerivation(backpropagation: backpropagation)
        for step in vectorized.steps {
            let link = step.link
            let gradients = backpropagation.gradients(ofLayer: step.layer)
            let entry = try #require(step.value.entry(link.row, link.column))
            expectAgree([entry], [link.value], "link of \(step.quantity)")
            switch step.kind {
            case .outputError, .outputErrorThroughJacobian, .hiddenError, .hiddenErrorThroughJacobian:
                #expect(link.symbol == .partial(.loss, .preactivation(layer: step.layer, neuron: 0)))
                #expect(link.value == gradients.preactivationGradient[0])
            case .weightGradient:
                let from = min(1, backpropagation.network.layer(step.layer).inputWidth - 1)
                #expect(link.row == 0 && link.column == from)
                #expect(link.symbol == .partial(.loss, .weight(layer: step.layer - 1, from: from, to: 0)))
                #expect(link.value == gradients.weightGradient[from][0])
            case .biasGradient:
                #expect(link.symbol == .partial(.loss, .bias(layer: step.layer, neuron: 0)))
                #expect(link.value == gradients.biasGradient?[0])
            }
        }
    }

    /// Every entry a link ties back to is a step of the scalar derivation, with the same value.
    @Test(arguments: [NetworkBlueprint(widths: [2, 2, 1], activations: [.sigmoid, .sigmoid], hasBiases: true),
                      NetworkBlueprint(widths: [2, 3, 3], activations: [.tanh, .softmax], loss: .categoricalCrossEntropy, seed: 3)])
    func linkedEntriesAreScalarSteps(_ blueprint: NetworkBlueprint) throws {
        let derivation = try Derivation(network: blueprint.network(), vectorized: true)
        let steps = Dictionary(derivation.sections.flatMap(\.steps).map { ($0.symbol, $0.value) }, uniquingKeysWith: { first, _ in first })
        for step in try #require(derivation.vectorized).steps {
            #expect(steps[step.link.symbol] == step.link.value, "\(step.link.symbol)")
        }
    }

    /// A rounded backpropagation's matrices are the decimal arithmetic of their printed numbers, each entry
    /// rounded once.
    @Test func roundedBackpropagationRoundsEveryEntry() throws {
        let network = try NetworkBlueprint(widths: [2, 3, 2], activations: [.sigmoid, .sigmoid], hasBiases: true, seed: 5).network()
        let rounding = Rounding(significantDigits: 4)
        let vectorized = try VectorizedDerivation(backpropagation: Backpropagation(network: network, rounding: rounding))
        for step in vectorized.steps {
            #expect(step.value.rows.allSatisfy { $0.allSatisfy { rounding($0) == $0 } })
            #expect(try step.substituted.evaluated(rounding: rounding) == step.value)
        }
    }

    // MARK: - Helpers

    /// The vectors agree entry by entry to 1e-15 relative, or exactly where one is zero. The matrix
    /// products associate δ_j · a_i = (∂δ/∂o_j · g'_j) · a_i where the scalar steps compute
    /// ∂δ/∂o_j · (g'_j · a_i), so the last bit may differ.
    private func expectAgree(_ actual: [Double], _ expected: [Double], _ what: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, "\(what): \(actual.count) entries, expected \(expected.count)", sourceLocation: sourceLocation)
        for (a, b) in zip(actual, expected) {
            #expect(isClose(a, b, relative: 1e-15, floor: 0), "\(what): \(a) vs \(b)", sourceLocation: sourceLocation)
        }
    }
}
