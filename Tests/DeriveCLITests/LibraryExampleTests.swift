import BackpropKit
import BackpropRendering
@testable import DeriveCLI
import Foundation
import TestSupport
import Testing

/// The README's library example: shown verbatim, and run as the built `library-example` executable.
@Suite struct LibraryExampleTests {
    static let source = "Examples/LibraryExample/main.swift"

    @Test func readmeShowsTheExampleVerbatim() throws {
        let readme = try String(contentsOf: SourceTree.path("README.md"), encoding: .utf8)
        let example = try String(contentsOf: SourceTree.path(Self.source), encoding: .utf8)
        #expect(readme.contains("```swift\n" + example + "```\n"),
                "README.md's Library section must show \(Self.source) verbatim, in a ```swift block")
    }

    @Test func printsTheOutputLayersWeightDerivativesThenTheSteps() throws {
        let binary = try #require(DeriveExecutable.url?.deletingLastPathComponent().appendingPathComponent("library-example"))
        let directory = try TemporaryDirectory()
        let run = try DeriveExecutable.run([], in: directory.url, executable: binary)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let lines = run.stdoutText.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 4)
        #expect(lines[0] == "∂δ/∂fₙ,₁ = ∂δ/∂oₙ,₁ · ∂gₙ(fₙ,₁)/∂fₙ,₁ = 0.1494093887397333 · 0.24938967807609147 = 0.03726115935934769")
        #expect(lines[1] == "∂δ/∂wₙ₋₁,₁,₁ = ∂δ/∂oₙ,₁ · ∂oₙ,₁/∂wₙ₋₁,₁,₁ = ∂δ/∂fₙ,₁ · oₙ₋₁,₁ = 0.03726115935934769 · 0.582403025568152 = 0.02170101194706116")
        #expect(lines[2] == "∂δ/∂wₙ₋₁,₂,₁ = ∂δ/∂oₙ,₁ · ∂oₙ,₁/∂wₙ₋₁,₂,₁ = ∂δ/∂fₙ,₁ · oₙ₋₁,₂ = 0.03726115935934769 · 0.5920891720188753 = 0.022061928993539544")

        // The JSON is the steps shape of the note's network, and parses.
        var steps = ""
        JSONRenderer(shape: .steps).render(try Derivation(network: NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid]).network()), to: &steps)
        #expect(lines[3] == steps)
        let object = try JSONSerialization.jsonObject(with: Data(lines[3].utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "derive.steps/1")
    }
}
