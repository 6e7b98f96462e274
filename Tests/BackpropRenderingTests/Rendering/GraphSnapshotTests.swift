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
        try expectSnapshot(GraphLaTeXRenderer(options: .init(info: example.info)), example, extension: "tex")
    }

    @Test(arguments: GraphExample.allCases)
    func markdown(_ example: GraphExample) throws {
        try expectSnapshot(GraphMarkdownRenderer(options: .init(info: example.info)), example, extension: "md")
    }

    @Test(arguments: GraphExample.allCases)
    func text(_ example: GraphExample) throws {
        try expectSnapshot(GraphTextRenderer(options: .init(info: example.info)), example, extension: "txt")
    }

    @Test(arguments: GraphExample.allCases)
    func json(_ example: GraphExample) throws {
        try expectSnapshot(GraphJSONRenderer(), example, extension: "json")
    }

    @Test(arguments: GraphExample.allCases)
    func dot(_ example: GraphExample) throws {
        try expectSnapshot(DotRenderer(), example, extension: "dot")
    }

    @Test(arguments: GraphExample.allCases)
    func latexCompilesWithItsPicture(_ example: GraphExample) throws {
        guard let pdflatex = PDFLaTeX.required() else { return }
        var source = ""
        GraphLaTeXRenderer(options: .init(info: example.info)).render(try example.derivation(), to: &source)
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
        var source = ""
        GraphLaTeXRenderer(options: .init()).render(try GraphDerivation(expression: expression, forward: forward, mode: .reverse), to: &source)
        #expect(!source.contains("tikzpicture"))
        #expect(source.contains("too many to draw legibly here; derive --format dot writes it for Graphviz"))
    }

    private func expectSnapshot(_ renderer: some GraphDerivationRenderer, _ example: GraphExample, extension ext: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        var output = ""
        renderer.render(try example.derivation(), to: &output)
        Snapshot.expect(output, matches: SourceTree.path("Tests/BackpropRenderingTests/Snapshots/graph-\(example.rawValue).\(ext)"), sourceLocation: sourceLocation)
    }
}
