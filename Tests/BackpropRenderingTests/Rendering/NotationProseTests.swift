import BackpropKit
@testable import BackpropRendering
import Foundation
import TestSupport
import Testing

/// The section that introduces a handout's notation: generic indices, the weight's index order, each
/// activation's derivative, the loss over all outputs.
@Suite struct NotationProseTests {
    private func network(widths: [Int], activations: [Activation], loss: Loss = .squared) throws -> Network {
        try NetworkBlueprint(widths: widths, activations: activations, loss: loss, seed: 2).network()
    }

    private func text(_ network: Network, _ notation: any Notation) throws -> String {
        let handout = Handout(.network(try Derivation(network: network)), notation: notation)
        let full = TextFormatter().string(handout)
        let start = full.range(of: "NOTATION")?.lowerBound ?? full.startIndex
        let end = full.range(of: "THE NETWORK")?.lowerBound ?? full.endIndex
        return String(full[start..<end]).replacingOccurrences(of: "\n", with: " ")
    }

    @Test func theLossOfSeveralOutputsSumsOverThem() throws {
        let text = try text(try network(widths: [2, 2, 3], activations: [.sigmoid, .sigmoid]), NoteNotation(depth: 2))
        #expect(text.contains("δ = δ₁ + δ₂ + δ₃"))
        #expect(text.contains("δⱼ = loss(oₙ,ⱼ, tⱼ) = (oₙ,ⱼ − tⱼ)²"))
        #expect(!text.contains("δ₁ = (oₙ,₁"))
    }

    @Test func genericSentencesUseLettersForIndices() throws {
        let text = try text(try network(widths: [2, 2, 1], activations: [.sigmoid, .sigmoid]), NoteNotation(depth: 2))
        #expect(text.contains("wₖ₋₁,ᵢ,ⱼ connects neuron i of layer k-1 to neuron j of layer k"))
        #expect(text.contains("∂δ/∂wₖ₋₁,ᵢ,ⱼ = ∂δ/∂fₖ,ⱼ · ∂fₖ,ⱼ/∂wₖ₋₁,ᵢ,ⱼ = ∂δ/∂fₖ,ⱼ · oₖ₋₁,ᵢ"))
        #expect(text.contains("the output layer is n, the layer before it n-1 and the input layer n-2"))
    }

    @Test func theTextbookNotationExplainsItsReversedWeightIndices() throws {
        let network = try network(widths: [2, 2, 1], activations: [.sigmoid, .sigmoid])
        let (textbook, note, diagrams) = (try text(network, TextbookNotation(depth: 2)), try text(network, NoteNotation(depth: 2)),
                                          try text(network, FourDiagramsNotation(depth: 2)))
        #expect(textbook.contains("the reverse of the source note's order"))
        #expect(!note.contains("reverse") && !diagrams.contains("reverse"))
    }

    @Test func theFourDiagramsSymbolsAreNamed() throws {
        let text = try text(try network(widths: [2, 2, 1], activations: [.relu, .sigmoid]), FourDiagramsNotation(depth: 2))
        #expect(text.contains("The inputs are Iᵢ; the output layer's pre-activations are Oⱼ and its outputs Ôⱼ, each compared with its target Eⱼ"))
    }

    @Test(arguments: [Loss.crossEntropy, .categoricalCrossEntropy])
    func theCombinedOutputDerivativeIsTheOutputMinusTheTarget(_ loss: Loss) throws {
        let output: Activation = loss == .crossEntropy ? .sigmoid : .softmax
        let text = try text(try network(widths: [2, 3, 3], activations: [.tanh, output], loss: loss), NoteNotation(depth: 2))
        #expect(text.contains("∂δ/∂fₙ,ⱼ = oₙ,ⱼ − tⱼ") || text.contains("= oₙ,ⱼ − tⱼ."))
    }

    /// With softmax and the categorical cross-entropy, ∂δ/∂f = o − t holds only when the targets add up to 1;
    /// other targets get the general o·T − t, T their sum, which the backward pass's numbers bear out.
    @Test func targetsThatDoNotAddUpToOneAreNotClaimedToGiveOutputMinusTarget() throws {
        let blueprint = NetworkBlueprint(widths: [2, 3, 3], activations: [.tanh, .softmax], loss: .categoricalCrossEntropy, seed: 2,
                                         target: [1, 1, 0])
        let network = try blueprint.network()
        let text = try text(network, NoteNotation(depth: 2))
        #expect(!text.contains("as the targets add up to 1"))
        #expect(text.contains("∂δ/∂fₙ,ⱼ = oₙ,ⱼ · T − tⱼ"))
        #expect(text.contains("here T = 2"))
        let derivation = try Derivation(network: network)
        let output = derivation.backpropagation.forward.activations[network.depth]
        for (j, gradient) in derivation.backpropagation.gradients(ofLayer: network.depth).preactivationGradient.enumerated() {
            #expect(Swift.abs(gradient - (output[j] * 2 - network.target[j])) < 1e-12)
        }
    }

    /// Every form of an activation's derivative in the section agrees with the central difference of its formula.
    @Test(arguments: [Activation.sigmoid, .tanh, .relu, .leakyRelu, .softplus])
    func eachActivationDerivativeAgreesWithFiniteDifferences(_ activation: Activation) throws {
        let network = try network(widths: [2, 2, 1], activations: [activation, .identity])
        let paragraphs = NotationProse(network: network, notation: NoteNotation(depth: 2)).blocks.compactMap { block -> [Phrase]? in
            if case .paragraph(let phrases) = block { return phrases }
            return nil
        }
        let x = Symbol.variable("x")
        let function = try #require(activation.elementary)
        let value = BackpropKit.Expression.apply(function, .of(x))
        let paragraph = try #require(paragraphs.first { $0.contains(.math(.partial(of: value, withRespectTo: .of(x)))) })
        let start = try #require(paragraph.firstIndex(of: .math(.partial(of: value, withRespectTo: .of(x)))))
        let forms = paragraph[(start + 1)...].compactMap { phrase -> BackpropKit.Expression? in
            if case .math(let form) = phrase { return form }
            return nil
        }
        #expect(!forms.isEmpty)
        for point in [-1.3, -0.4, 0.25, 0.9, 2.2] {
            let bindings: [Symbol: Double] = [x: point, .variable("e"): M_E]
            let difference = try FiniteDifference.derivative(at: point, step: FiniteDifference.step(at: point)) { at in
                try value.evaluate([x: at])
            }
            for form in forms {
                #expect(isClose(try form.evaluate(bindings), difference), "\(form) at \(point)")
            }
        }
    }
}
