import BackpropKit
@testable import BackpropRendering
import Testing

/// How the LaTeX handout uses the page: steps as wide as the text width allows, pictures that float.
@Suite struct LaTeXLayoutTests {
    /// The note's network at 4 digits: a step that fits the text width is one row of its `align*`.
    @Test func keepsAShortStepOnOneLine() throws {
        let latex = LaTeXFormatter().string(try SnapshotNetwork.hand.handout())
        #expect(latex.contains("f_{n-2,1} &= w_{n-3,1,1} o_{n-3,1} + w_{n-3,2,1} o_{n-3,2} = 0.13 \\cdot 0.4 + 0.95 \\cdot 0.61 = 0.6315 \\\\\n"))
    }

    /// Every row of a block is set after the block's widest symbol: a step that fits one row after its own
    /// symbol takes two after a symbol column half the line wide.
    @Test func laysOutRowsAfterTheWidestSymbol() throws {
        let handout = try SnapshotNetwork.hand.handout()
        let printer = MathPrinter(LaTeXMath(), notation: handout.notation, numbers: handout.numbers)
        let forward = try #require(try SnapshotNetwork.hand.derivation().sections.first { $0.kind == .forwardPass(layer: 1) })
        let step = try #require(forward.steps.first)
        let budget = LaTeXFormatter.lineBudget
        #expect(StepLayout(printer: printer, budget: budget).rows(for: step).count == 1)
        #expect(StepLayout(printer: printer, budget: budget, symbolColumn: budget / 2).rows(for: step).count == 2)
    }

    /// Pictures are floats, a headed one with its heading inside; short tables are whole tabulars.
    @Test func floatsPictures() throws {
        let latex = LaTeXFormatter().string(try SnapshotNetwork.diagrams.handout())
        #expect(latex.contains("\\begin{figure}[!htbp]\n\\centering\n"))
        #expect(latex.contains("\\begin{figure}[!htbp]\n{\\raggedright\\normalfont\\large\\bfseries "))
        #expect(!latex.contains("\\begin{center}\n\\resizebox"))
        #expect(latex.contains("\\nopagebreak\\centering\n\\begin{tabular}"))
    }
}
