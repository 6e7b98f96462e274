import BackpropKit
@testable import BackpropRendering
import Testing

/// The closing section: the derivation as a loop of at most ten lines, in the handout's notation.
@Suite struct AlgorithmProseTests {
    private func text(_ blueprint: NetworkBlueprint, _ notation: any Notation) throws -> String {
        let handout = Handout(.network(try Derivation(network: blueprint.network())), notation: notation)
        let full = TextFormatter().string(handout)
        let start = try #require(full.range(of: "THE ALGORITHM"))
        return String(full[start.lowerBound...])
    }

    @Test func isTenLinesAtMostAndUsesTheSharedFactor() throws {
        let text = try text(NetworkBlueprint(widths: [2, 2, 1], activations: [.sigmoid, .sigmoid]), NoteNotation(depth: 2))
        let numbered = text.split(separator: "\n").filter { $0.first?.isNumber == true }
        #expect(numbered.count <= 10)
        #expect(text.contains("∂δ/∂fₖ,ⱼ = ∂δ/∂oₖ,ⱼ · ∂gₖ(fₖ,ⱼ)/∂fₖ,ⱼ"))
        #expect(text.contains("∂δ/∂wₖ₋₁,ᵢ,ⱼ = ∂δ/∂fₖ,ⱼ · oₖ₋₁,ᵢ"))
        #expect(text.contains("from n down to n-1"))
    }

    @Test func updateFollowsTheBackwardPassInTheHandoutsNotation() throws {
        let blueprint = NetworkBlueprint(widths: [2, 2, 1], activations: [.sigmoid, .sigmoid], hasBiases: true, learningRate: 0.5)
        let text = try text(blueprint, TextbookNotation(depth: 2))
        #expect(text.contains("∂C/∂b⁽ˡ⁾ⱼ = ∂C/∂z⁽ˡ⁾ⱼ"))
        #expect(text.contains("− η"))
        let backward = try #require(text.range(of: "backward pass")), update = try #require(text.range(of: "η"))
        #expect(backward.lowerBound < update.lowerBound)
    }
}
