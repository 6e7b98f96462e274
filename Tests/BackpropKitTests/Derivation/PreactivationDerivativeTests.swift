@testable import BackpropKit
import TestSupport
import Testing

/// ∂δ/∂f_{k,j}, the factor every weight into neuron j shares, is a step of the weight derivatives.
@Suite struct PreactivationDerivativeTests {
    /// A bias enters f_{k,j} with slope 1, so the central difference of the loss by b_{k,j} is ∂δ/∂f_{k,j}.
    @Test(arguments: [NetworkBlueprint(widths: [2, 3, 2], activations: [.tanh, .sigmoid], loss: .crossEntropy, hasBiases: true, seed: 4),
                      NetworkBlueprint(widths: [3, 2, 3], activations: [.sigmoid, .softmax], loss: .categoricalCrossEntropy, hasBiases: true, seed: 6)])
    func agreesWithFiniteDifferences(_ blueprint: NetworkBlueprint) throws {
        let network = try blueprint.network()
        let derivation = try Derivation(network: network)
        for k in 1...network.depth {
            let section = try #require(derivation.sections.first { $0.kind == .weightDerivatives(layer: k) })
            for j in 0..<network.layer(k).width {
                let step = try #require(section.steps.first { $0.symbol == .partial(.loss, .preactivation(layer: k, neuron: j)) })
                let bias = try #require(network.layer(k).biases?[j])
                let numeric = try FiniteDifference.derivative(at: bias, step: FiniteDifference.step(at: bias)) { value in
                    try ForwardPass(network: network.replacing(.bias(layer: k, neuron: j), with: value)).loss
                }
                #expect(isClose(step.value, numeric), "∂δ/∂f_{\(k),\(j)}")
                #expect(try step.substituted?.evaluate([:]) == step.value, "the value is the arithmetic shown")
            }
        }
    }

    /// Each weight derivative names the shared factor: ∂δ/∂w_{k-1,i,j} = … = ∂δ/∂f_{k,j} · o_{k-1,i}.
    @Test func weightDerivativesUseTheSharedFactor() throws {
        let network = try NetworkBlueprint(widths: [2, 2, 1], activations: [.sigmoid, .sigmoid]).network()
        let section = try #require(try Derivation(network: network).sections.first { $0.kind == .weightDerivatives(layer: 1) })
        let step = try #require(section.steps.first { $0.symbol == .partial(.loss, .weight(layer: 0, from: 1, to: 0)) })
        #expect(step.concrete == .product([.partial(.loss, .preactivation(layer: 1, neuron: 0)), .of(.activation(layer: 0, neuron: 1))]))
    }
}
