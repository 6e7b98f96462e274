@testable import BackpropKit
import Foundation
import TestSupport
import Testing

/// Gradient descent after the backward pass: the losses of every step against an independent computation
/// that knows nothing of backpropagation, only the forward pass and central finite differences.
@Suite struct TrainingRunTests {
    /// Mazur's worked example: two inputs, two sigmoid layers of two neurons with biases, half-squared loss, η = 0.5.
    private static let mazur = try! Network(
        layers: [Layer(activation: .sigmoid, weights: [[0.15, 0.25], [0.2, 0.3]], biases: [0.35, 0.35]),
                 Layer(activation: .sigmoid, weights: [[0.4, 0.5], [0.45, 0.55]], biases: [0.6, 0.6])],
        input: [0.05, 0.1], target: [0.01, 0.99], loss: .halfSquared, learningRate: 0.5)

    /// The reference agrees with the published example: updating the weights alone, as the example does, the
    /// loss goes from 0.298371109 to 0.291027774.
    @Test func referenceReproducesThePublishedExample() throws {
        let before = Reference.loss(Self.mazur)
        let after = Reference.loss(Reference.step(Self.mazur, updatesBiases: false))
        #expect(abs(before - 0.298371109) < 1e-9)
        #expect(abs(after - 0.291027774) < 1e-9)
    }

    /// derive updates the biases too: the second forward pass gives the reference's loss after one full step.
    @Test func secondForwardPassGivesTheReferenceLoss() throws {
        let training = try #require(try TrainingRun(from: Backpropagation(network: Self.mazur), steps: 1, listsLosses: false))
        #expect(training.losses.count == 2)
        #expect(abs(training.losses[0] - 0.298371109) < 1e-9)
        #expect(isClose(training.losses[1], Reference.loss(Reference.step(Self.mazur, updatesBiases: true)), relative: 1e-8))
        #expect(training.losses[1] < training.losses[0])
    }

    @Test(arguments: [
        NetworkBlueprint(widths: [2, 2, 2], activations: [.sigmoid, .sigmoid], loss: .halfSquared, hasBiases: true, seed: 7, learningRate: 0.5),
        NetworkBlueprint(widths: [3, 4, 2], activations: [.tanh, .sigmoid], loss: .crossEntropy, hasBiases: true, seed: 4, learningRate: 0.3),
        NetworkBlueprint(widths: [2, 3, 3], activations: [.leakyRelu, .softmax], loss: .categoricalCrossEntropy, seed: 9, learningRate: 0.2),
    ])
    func everyStepsLossMatchesTheReference(_ blueprint: NetworkBlueprint) throws {
        var network = try blueprint.network()
        let training = try #require(try TrainingRun(from: Backpropagation(network: network), steps: 5, listsLosses: true))
        #expect(training.steps == 5)
        for (step, loss) in training.losses.enumerated() {
            #expect(isClose(loss, Reference.loss(network), relative: 1e-7), "step \(step)")
            network = Reference.step(network, updatesBiases: true)
        }
    }

    @Test func noLearningRateNoTraining() throws {
        let network = try NetworkBlueprint(widths: [2, 2, 1], activations: [.sigmoid, .sigmoid]).network()
        #expect(try TrainingRun(from: Backpropagation(network: network), steps: 3, listsLosses: true) == nil)
        #expect(try Derivation(network: network).training == nil)
    }

    /// The update waits for the whole backward pass; the second forward pass and its loss follow it.
    @Test func updateFollowsTheBackwardPass() throws {
        let derivation = try Derivation(network: Self.mazur)
        #expect(Array(derivation.sectionKinds.suffix(6)) == [
            .propagated(layer: 1), .update(layer: 1), .update(layer: 2),
            .updatedForwardPass(layer: 1), .updatedForwardPass(layer: 2), .updatedLoss,
        ])
        let loss = try #require(derivation.sections.first { $0.kind == .updatedLoss })
        let change = try #require(loss.steps.last)
        #expect(change.symbol == .sum([.of(.afterUpdate(.loss)), .negation(.of(.loss))]))
        #expect(change.value == derivation.training!.losses[1] - derivation.training!.losses[0])
    }

    /// The second forward pass reads the updated weights: w⁺ in its formulas, their values in its numbers.
    @Test func secondForwardPassUsesTheUpdatedWeights() throws {
        let derivation = try Derivation(network: Self.mazur)
        let section = try #require(derivation.sections.first { $0.kind == .updatedForwardPass(layer: 2) })
        let first = try #require(section.steps.first)
        #expect(first.symbol == .of(.afterUpdate(.preactivation(layer: 2, neuron: 0))))
        #expect(first.general == .sum([
            .product([.of(.updatedWeight(layer: 1, from: 0, to: 0)), .of(.afterUpdate(.activation(layer: 1, neuron: 0)))]),
            .product([.of(.updatedWeight(layer: 1, from: 1, to: 0)), .of(.afterUpdate(.activation(layer: 1, neuron: 1)))]),
            .of(.updatedBias(layer: 2, neuron: 0)),
        ]))
        let updated = try #require(derivation.backpropagation.gradients(ofLayer: 2).updatedWeights)
        let after = try #require(derivation.training).afterFirstStep
        #expect(after.network.layers[1].weights == updated)
        #expect(try first.substituted?.evaluate([:]) == first.value)
        #expect(first.value == after.forward.preactivations[2][0])
    }
}

/// A forward pass and gradient descent written from scratch: the gradient of every weight and bias by the
/// fourth-order central difference of the loss, so nothing here shares code with the backward pass.
private enum Reference {
    static func loss(_ network: Network) -> Double {
        var values = network.input
        for layer in network.layers {
            let f = (0..<layer.width).map { j in
                (0..<layer.inputWidth).reduce(layer.biases?[j] ?? 0) { $0 + layer.weights[$1][j] * values[$1] }
            }
            values = activate(f, layer.activation)
        }
        return zip(values, network.target).reduce(0) { total, pair in
            let (o, t) = pair
            switch network.loss {
            case .squared: return total + (o - t) * (o - t)
            case .halfSquared: return total + (o - t) * (o - t) / 2
            case .crossEntropy: return total - (t * log(o) + (1 - t) * log(1 - o))
            case .categoricalCrossEntropy: return total - t * log(o)
            }
        }
    }

    static func activate(_ f: [Double], _ activation: Activation) -> [Double] {
        switch activation {
        case .sigmoid: return f.map { 1 / (1 + exp(-$0)) }
        case .tanh: return f.map(tanh)
        case .relu: return f.map { max(0, $0) }
        case .leakyRelu: return f.map { $0 > 0 ? $0 : 0.01 * $0 }
        case .identity: return f
        case .softplus: return f.map { log(1 + exp($0)) }
        case .softmax:
            let top = f.max() ?? 0
            let e = f.map { exp($0 - top) }
            let total = e.reduce(0, +)
            return e.map { $0 / total }
        }
    }

    /// One step w⁺ = w − η ∂δ/∂w, the derivative by finite differences; the biases too when `updatesBiases`.
    static func step(_ network: Network, updatesBiases: Bool) -> Network {
        let eta = network.learningRate ?? 0
        var layers = network.layers
        func derivative(_ parameter: Symbol, at value: Double) -> Double {
            FiniteDifference.derivative(at: value, step: FiniteDifference.step(at: value)) { loss(network.replacing(parameter, with: $0)) }
        }
        for (k, layer) in network.layers.enumerated() {
            for i in 0..<layer.inputWidth {
                for j in 0..<layer.width {
                    layers[k].weights[i][j] -= eta * derivative(.weight(layer: k, from: i, to: j), at: layer.weights[i][j])
                }
            }
            if updatesBiases, let biases = layer.biases {
                for j in biases.indices { layers[k].biases?[j] -= eta * derivative(.bias(layer: k + 1, neuron: j), at: biases[j]) }
            }
        }
        return try! Network(layers: layers, input: network.input, target: network.target, loss: network.loss, learningRate: network.learningRate)
    }
}
