@testable import BackpropKit
import Testing

/// Pre-activations of ±1000 through every activation and loss: either finite values and derivatives,
/// or a clear error where the mathematics is undefined in floating point — never a NaN or infinity.
@Suite struct NumericalStabilityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let activation: Activation
        let loss: Loss
        let preactivation: Double
        var testDescription: String { "\(activation.rawValue), \(loss.rawValue), f = \(preactivation)" }
    }

    static let cases: [Case] = Activation.allCases.flatMap { activation in
        Loss.allCases.flatMap { loss in [1000.0, -1000.0].map { Case(activation: activation, loss: loss, preactivation: $0) } }
    }

    @Test(arguments: cases)
    func extremePreactivations(_ test: Case) throws {
        let outputs = test.activation == .softmax ? 2 : 1
        let weights = [(0..<outputs).map { $0 == 0 ? test.preactivation : -test.preactivation }]
        let target = (0..<outputs).map { $0 == 0 ? 1.0 : 0.0 }
        let network = try Network(layers: [Layer(activation: test.activation, weights: weights)], input: [1], target: target,
                                  loss: test.loss, learningRate: 0.1)
        do {
            let derivation = try Derivation(network: network)
            let backpropagation = derivation.backpropagation
            #expect(backpropagation.forward.loss.isFinite)
            for layer in backpropagation.layers {
                let finite = layer.weightGradient.joined().allSatisfy(\.isFinite) && layer.outputGradient.allSatisfy(\.isFinite)
                #expect(finite)
            }
            for section in derivation.sections {
                let finite = section.steps.allSatisfy { $0.value.isFinite }
                #expect(finite, "\(section.kind)")
            }
        } catch {
            let reason = error.description
            #expect(test.loss.needsProbabilities, "only a logarithm of a saturated output may be undefined: \(reason)")
            #expect(reason.contains("undefined"))
        }
    }

    @Test func saturatedSigmoidKeepsFiniteSquaredLossGradient() throws {
        let network = try Network(layers: [Layer(activation: .sigmoid, weights: [[1000]])], input: [1], target: [0], loss: .squared)
        let backpropagation = try Backpropagation(network: network)
        #expect(backpropagation.forward.loss == 1)
        #expect(backpropagation.layers[0].weightGradient == [[0]])
    }
}
