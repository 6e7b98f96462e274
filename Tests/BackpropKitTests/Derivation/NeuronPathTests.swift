@testable import BackpropKit
import Testing

/// A short handout's path: the steps it keeps are exactly those of its neurons and the weights between them.
@Suite struct NeuronPathTests {
    private let network: Network

    init() throws {
        network = try NetworkBlueprint(widths: [4, 12, 12, 3], activations: [.sigmoid, .sigmoid, .sigmoid], hasBiases: true, seed: 5).network()
    }

    @Test func pathNeedsOneNeuronPerLayerWithinItsWidth() {
        #expect(NeuronPath(neurons: [0, 11, 0, 2], widths: network.widths) != nil)
        #expect(NeuronPath(neurons: [0, 1, 2], widths: network.widths) == nil)
        #expect(NeuronPath(neurons: [4, 0, 0, 0], widths: network.widths) == nil)
        #expect(NeuronPath(neurons: [0, -1, 0, 0], widths: network.widths) == nil)
    }

    /// Each layer keeps the path's f and o, its one weight and bias derivative, and the one error derivative passed down.
    @Test func focusedSectionsKeepThePathAlone() throws {
        let path = try #require(NeuronPath(neurons: [2, 5, 0, 1], widths: network.widths))
        let derivation = try Derivation(network: network, focus: path)
        let sections = Array(derivation.sections)
        for k in 1...3 {
            let forward = try #require(sections.first { $0.kind == .forwardPass(layer: k) })
            #expect(forward.steps.map(\.symbol) == [.of(.preactivation(layer: k, neuron: path.neurons[k])), .of(.activation(layer: k, neuron: path.neurons[k]))])
            let weights = try #require(sections.first { $0.kind == .weightDerivatives(layer: k) })
            #expect(weights.steps.map(\.symbol) == [.partial(.loss, .preactivation(layer: k, neuron: path.neurons[k])),
                                                   .partial(.loss, .weight(layer: k - 1, from: path.neurons[k - 1], to: path.neurons[k])),
                                                   .partial(.loss, .bias(layer: k, neuron: path.neurons[k]))])
            let full = try Derivation(network: network).sections.first { $0.kind == .weightDerivatives(layer: k) }
            #expect(weights.steps.allSatisfy { step in full?.steps.contains(step) == true }, "the path's steps are the full derivation's")
        }
        let propagated = try #require(sections.first { $0.kind == .propagated(layer: 3) })
        #expect(propagated.steps.map(\.symbol) == [.partial(.loss, .activation(layer: 2, neuron: 0))])
        let given = try #require(sections.first { $0.kind == .given })
        #expect(given.steps.count == 4 + 3, "the given values stay whole")
    }
}
