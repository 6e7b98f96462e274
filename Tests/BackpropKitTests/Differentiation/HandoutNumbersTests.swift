@testable import BackpropKit
import Testing

/// The numbers a handout adds to the derivation: hand rounding, the gradient check and the gradient sizes.
@Suite struct HandoutNumbersTests {
    static let blueprints = [
        NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid]),
        NetworkBlueprint(widths: [3, 4, 2], activations: [.tanh, .sigmoid], loss: .crossEntropy, hasBiases: true, seed: 4, learningRate: 0.3),
        NetworkBlueprint(widths: [2, 3, 3], activations: [.leakyRelu, .softmax], loss: .categoricalCrossEntropy, hasBiases: true, seed: 9),
    ]

    @Test(arguments: [1, 3, 4, 6, 17])
    func roundingPrintsAsItsDigits(_ digits: Int) {
        let rounding = Rounding(significantDigits: digits)
        let format = NumberFormat(significantDigits: digits)
        for value in [0.123456789123, -98765.4321, 1.5e-9, 0.999999999, 2.0 / 3.0] {
            let rounded = rounding(value)
            #expect(format.string(rounded) == format.string(value))
            #expect(rounding(rounded) == rounded)
        }
    }

    /// Rounded, every printed value is its substitution's arithmetic done in decimal and rounded: a calculator
    /// gives the same digits.
    @Test(arguments: blueprints)
    func handValuesFollowFromTheRoundedValuesShown(_ blueprint: NetworkBlueprint) throws {
        let rounding = Rounding(significantDigits: 4)
        let derivation = try Derivation(network: blueprint.network(), rounding: rounding)
        var checked = 0
        for section in derivation.sections {
            for step in section.steps {
                #expect(rounding(step.value) == step.value, "\(step.symbol) is not rounded")
                guard let substituted = step.substituted else { continue }
                #expect(try rounding.value(of: substituted) { _ in nil } == step.value, "\(step.symbol)")
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    /// Given values with more digits are rounded first, and the derivation says it did; with fewer, nothing changes.
    @Test func givenValuesAreRoundedFirst() throws {
        let layer = Layer(activation: .sigmoid, weights: [[0.123456], [0.5]], biases: [0.25])
        let network = try Network(layers: [layer], input: [0.4, 0.61], target: [0.45], loss: .squared, learningRate: 0.123456)
        let rounded = try Backpropagation(network: network, rounding: Rounding(significantDigits: 3))
        #expect(rounded.roundsGivenValues)
        #expect(rounded.network.layer(1).weights[0][0] == 0.123)
        #expect(rounded.network.learningRate == 0.123)
        #expect(rounded.forward.preactivations[1][0] == 0.604)  // 0.123 · 0.4 + 0.5 · 0.61 + 0.25 = 0.6042
        #expect(try !Backpropagation(network: network, rounding: Rounding(significantDigits: 6)).roundsGivenValues)
        #expect(try !Backpropagation(network: network).roundsGivenValues)
    }

    /// The gradient check of a rounded derivation compares the unrounded derivatives: rounding is not a mistake.
    @Test(arguments: blueprints)
    func gradientCheckOfARoundedDerivationIsExact(_ blueprint: NetworkBlueprint) throws {
        let network = try blueprint.network()
        let rounded = try #require(try Derivation(network: network, rounding: Rounding(significantDigits: 2), checksGradients: true).gradientCheck)
        let exact = try #require(try Derivation(network: network, checksGradients: true).gradientCheck)
        #expect(rounded.entries == exact.entries)
        #expect(rounded.passes)
    }

    @Test(arguments: blueprints)
    func gradientCheckPassesOnExactDerivations(_ blueprint: NetworkBlueprint) throws {
        let network = try blueprint.network()
        let check = try #require(try Derivation(network: network, checksGradients: true).gradientCheck)
        #expect(check.entries.count == network.parameterCount)
        #expect(check.passes, "largest relative error \(check.largestRelativeError)")
    }

    @Test func gradientCheckCatchesAWrongDerivative() throws {
        let entry = GradientCheck.Entry(parameter: .weight(layer: 0, from: 0, to: 0), derived: 0.1, estimated: 0.1 * (1 + 1e-6))
        #expect(!entry.passes)
        // The relative error is the printed |a − b| / max(|a|, |b|), with no floor: 0 when both are 0.
        #expect(GradientCheck.Entry(parameter: .bias(layer: 1, neuron: 0), derived: 0, estimated: 0).relativeError == 0)
        #expect(GradientCheck.Entry(parameter: .bias(layer: 1, neuron: 0), derived: 0, estimated: 1e-17).relativeError == 1)
    }

    /// A dead relu network: no weight changes the loss, the differences of the estimate are exactly 0, and
    /// every zero derivative passes (the floor of 10⁻⁸ once failed them all against an estimate of 10⁻¹³).
    @Test func zeroGradientsOfADeadReluNetworkPass() throws {
        let blueprint = NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.relu, .relu, .relu], seed: 4)
        let check = try #require(try Derivation(network: blueprint.network(), checksGradients: true).gradientCheck)
        #expect(check.entries.allSatisfy { $0.derived == 0 && $0.estimated == 0 })
        #expect(check.passes)
    }

    @Test func deepSigmoidNetworkVanishes() throws {
        let depth = 8
        let blueprint = NetworkBlueprint(widths: Array(repeating: 3, count: depth) + [1], activations: Array(repeating: .sigmoid, count: depth))
        let summary = try Derivation(network: blueprint.network()).summary
        #expect(summary.layers.count == depth)
        let orders = try #require(summary.ordersOfMagnitude)
        #expect(orders < -GradientSummary.remarkableOrders)
        #expect(summary.isRemarkable)
        #expect(summary.activationDerivativeProduct <= pow(0.25, Double(depth - 1)))
    }

    /// o_k = 10 o_{k-1} − 9 stays at 1 while every layer multiplies the error by 10 on its way down.
    @Test func largeLinearWeightsExplode() throws {
        let depth = 6
        let layers = (0..<depth).map { _ in Layer(activation: .identity, weights: [[10]], biases: [-9]) }
        let network = try Network(layers: layers, input: [1], target: [0], loss: .squared)
        let summary = try Derivation(network: network).summary
        #expect(try #require(summary.ordersOfMagnitude) > GradientSummary.remarkableOrders)
    }

    @Test func shallowNetworkEarnsNoRemark() throws {
        let summary = try Derivation(network: NetworkBlueprint(widths: [2, 2, 1], activations: [.tanh, .sigmoid]).network()).summary
        #expect(!summary.isRemarkable)
    }
}

import Foundation
