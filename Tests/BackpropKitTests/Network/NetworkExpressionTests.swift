import TestSupport
import Testing
@testable import BackpropKit

/// The expressions a network writes: its general forms differentiated to partials, its activations
/// evaluated stably, and the derivatives of its losses, symbolic and against finite differences.
@Suite struct NetworkExpressionTests {
    @Test func networkGeneralExpressionsDifferentiateToPartials() throws {
        let network = try Network(
            layers: [Layer(activation: .sigmoid, weights: [[0.5]])], input: [1], target: [0], loss: .squared)
        let general = network.generalActivationExpression(layer: 1, neuron: 0)
        let f = Symbol.preactivation(layer: 1, neuron: 0)
        #expect(general.derivative(withRespectTo: f) == .partial(of: general, withRespectTo: .of(f)))
        let loss = network.generalLossExpression(neuron: 0)
        let o = Symbol.activation(layer: 1, neuron: 0)
        #expect(loss.derivative(withRespectTo: o) == .partial(of: loss, withRespectTo: .of(o)))
    }

    @Test func activationValuesAreStable() {
        let sigmoid = Activation.sigmoid.values(of: [1000, -1000])
        #expect(sigmoid[0] == 1 && sigmoid[1].isFinite)
        #expect(Activation.softplus.values(of: [1000, -1000]) == [1000, 0])
        let softmax = Activation.softmax.values(of: [1000, 0, -1000])
        #expect(softmax[0] == 1 && softmax[1].isFinite && softmax[2].isFinite)
    }

    // MARK: - Losses

    let o = Symbol.activation(layer: 2, neuron: 0)
    let t = Symbol.target(neuron: 0)

    func lossDerivative(_ loss: Loss) -> Expression {
        loss.expression(output: .of(o), target: .of(t)).derivative(withRespectTo: o)
    }

    @Test func squaredLossDerivativeIsTwiceTheError() {
        // d/do (o − t)² = 2(o − t)
        #expect(lossDerivative(.squared) == .product([2, .sum([.of(o), .negation(.of(t))])]))
    }

    @Test func halfSquaredLossDerivativeIsTheError() {
        // d/do (o − t)²/2 = o − t
        #expect(lossDerivative(.halfSquared) == .sum([.of(o), .negation(.of(t))]))
    }

    @Test func categoricalCrossEntropyDerivative() {
        // d/do (−t log o) = −t/o
        #expect(lossDerivative(.categoricalCrossEntropy) == .negation(.quotient(.of(t), .of(o))))
    }

    @Test func crossEntropyDerivative() {
        // d/do −(t log o + (1 − t) log(1 − o)) = −(t/o − (1 − t)/(1 − o))
        let expected = Expression.negation(.sum([
            .quotient(.of(t), .of(o)),
            .negation(.quotient(.sum([1, .negation(.of(t))]), .sum([1, .negation(.of(o))]))),
        ]))
        #expect(lossDerivative(.crossEntropy) == expected)
    }

    @Test(arguments: Loss.allCases)
    func lossDerivativeMatchesFiniteDifference(_ loss: Loss) throws {
        let derivative = lossDerivative(loss)
        let expression = loss.expression(output: .of(o), target: .of(t))
        for (output, target) in [(0.3, 0.0), (0.62, 1.0), (0.15, 0.4), (0.9, 0.75)] {
            let symbolic = try derivative.evaluate([o: output, t: target])
            let numeric = try FiniteDifference.derivative(at: output, step: 1e-5) {
                try expression.evaluate([o: $0, t: target])
            }
            #expect(isClose(symbolic, numeric), "\(loss) at o = \(output), t = \(target): \(symbolic) vs \(numeric)")
        }
    }
}
