import BackpropKit
@testable import BackpropRendering
import Foundation
import TestSupport
import Testing

/// Compiles the LaTeX handouts with the real pdflatex: no errors, a PDF, and no line running visibly
/// into the margin. In CI a missing pdflatex fails these tests rather than skipping them.
@Suite struct LaTeXCompilationTests {
    /// Overfull boxes up to this many points are invisible in print; anything wider is a layout failure.
    static let tolerableOverfull = 10.0

    @Test(arguments: SnapshotNetwork.allCases)
    func compilesSnapshotNetwork(_ network: SnapshotNetwork) throws {
        try expectCompiles(try network.handout())
    }

    @Test("The note's network compiles at every depth from 1 to 5", arguments: 1...5)
    func compilesDepth(_ depth: Int) throws {
        let blueprint = NetworkBlueprint(widths: Array(repeating: 2, count: depth) + [1],
                                         activations: Array(repeating: .sigmoid, count: depth))
        let network = try blueprint.network()
        try expectCompiles(Handout(.network(try Derivation(network: network)), notation: NoteNotation(depth: depth)))
    }

    @Test func compilesWideLayersAndHostileTitle() throws {
        let blueprint = NetworkBlueprint(widths: [4, 4, 4, 3], activations: [.leakyRelu, .softplus, .softmax],
                                         loss: .categoricalCrossEntropy, hasBiases: true, seed: 11, learningRate: 0.1)
        let info = HandoutInfo(title: #"50% of \ $x$ & {y} #1 ~ ^ _"#, author: "A & B", provenance: "Seed 11.",
                               command: "derive --widths 4,4,4,3 --title '50%'")
        try expectCompiles(Handout(.network(try Derivation(network: blueprint.network())), info: info, notation: NoteNotation(depth: 3)))
    }

    /// Wide layers in matrix form: each matrix keeps to the width its line leaves, in exact and rounded numbers.
    @Test(arguments: [nil, 4])
    func compilesWideMatrixForm(_ digits: Int?) throws {
        let blueprint = NetworkBlueprint(widths: [4, 12, 12, 3], activations: [.sigmoid, .sigmoid, .sigmoid])
        let derivation = try Derivation(network: blueprint.network(), vectorized: true)
        let numbers = digits.map { NumberFormat(significantDigits: $0) } ?? .roundTrip
        try expectCompiles(Handout(.network(derivation), notation: NoteNotation(depth: 3), numbers: numbers))
    }

    private func expectCompiles(_ handout: Handout) throws {
        guard let pdflatex = PDFLaTeX.required() else { return }
        let source = LaTeXFormatter().string(handout)
        let result = try PDFLaTeX.compile(source, with: pdflatex)
        #expect(result.status == 0, "pdflatex failed: \(result.errors.joined(separator: "\n"))")
        #expect(result.producedPDF)
        #expect(result.errors.isEmpty)
        let worst = result.overfullWidths.max() ?? 0
        #expect(worst <= Self.tolerableOverfull, "a line runs \(worst)pt into the margin")
    }
}
