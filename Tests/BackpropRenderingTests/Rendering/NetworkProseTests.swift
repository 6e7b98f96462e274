import BackpropKit
import BackpropRendering
import Testing

/// The prose a network handout adds to its numbers.
@Suite struct NetworkProseTests {
    @Test func deepSigmoidNetworkEarnsTheVanishingGradientRemark() throws {
        let depth = 8
        let blueprint = NetworkBlueprint(widths: Array(repeating: 3, count: depth) + [1], activations: Array(repeating: .sigmoid, count: depth))
        let summary = try Derivation(network: blueprint.network()).summary
        let remark = NetworkProse(network: try blueprint.network(), notation: NoteNotation(depth: depth)).summaryExplanation(summary)
        #expect(remark.contains { if case .text(let text) = $0 { return text.contains("vanishing gradient problem") } else { return false } })
    }
}
