import BackpropKit
@testable import BackpropRendering
import Foundation
import TestSupport
import Testing

/// Pins the graph derivations of ``GraphExample`` in every format to the golden files `Snapshots/graph-*`,
/// and compiles their LaTeX, picture included, with the real pdflatex.
@Suite struct GraphSnapshotTests {
    @Test(arguments: GraphExample.allCases)
    func latex(_ example: GraphExample) throws {
        try expectSnapshot(LaTeXFormatter().string(example.handout()), example, extension: "tex")
    }

    @Test(arguments: GraphExample.allCases)
    func markdown(_ example: GraphExample) throws {
        try expectSnapshot(MarkdownFormatter().string(example.handout()), example, extension: "md")
    }

    @Test(arguments: GraphExample.allCases)
    func text(_ example: GraphExample) throws {
        try expectSnapshot(TextFormatter().string(example.handout()), example, extension: "txt")
    }

    @Test(arguments: GraphExample.allCases)
    func json(_ example: GraphExample) throws {
        var output = ""
        GraphJSONRenderer().render(try example.derivation(), to: &output)
        try expectSnapshot(output, example, extension: "json")
    }

    @Test(arguments: GraphExample.allCases)
    func dot(_ example: GraphExample) throws {
        var output = ""
        DotRenderer().render(try example.derivation(), to: &output)
        try expectSnapshot(output, example, extension: "dot")
    }

    @Test(arguments: GraphExample.allCases)
    func latexCompilesWithItsPicture(_ example: GraphExample) throws {
        guard let pdflatex = PDFLaTeX.required() else { return }
        let source = LaTeXFormatter().string(try example.handout())
        #expect(source.contains("\\begin{tikzpicture}"))
        let result = try PDFLaTeX.compile(source, with: pdflatex)
        #expect(result.status == 0, "pdflatex failed: \(result.errors.joined(separator: "\n"))")
        #expect(result.producedPDF)
        let worst = result.overfullWidths.max() ?? 0
        #expect(worst <= LaTeXCompilationTests.tolerableOverfull, "a line runs \(worst)pt into the margin")
    }

    @Test func aGraphTooLargeToDrawPointsToDot() throws {
        let expression = try ExpressionParser.parse(Array(repeating: "a", count: 40).joined(separator: "*"))
        let forward = try GraphForwardPass(graph: ComputationGraph(expression: expression), at: ["a": 1])
        let derivation = try GraphDerivation(expression: expression, forward: forward, mode: .reverse)
        let source = LaTeXFormatter().string(Handout(.graph(derivation), notation: GraphNotation()))
        #expect(!source.contains("tikzpicture"))
        #expect(source.contains("too many to draw legibly here; derive --format dot writes it for Graphviz"))
    }

    private func expectSnapshot(_ output: String, _ example: GraphExample, extension ext: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        Snapshot.expect(output, matches: SourceTree.path("Tests/BackpropRenderingTests/Snapshots/graph-\(example.rawValue).\(ext)"), sourceLocation: sourceLocation)
    }
}
