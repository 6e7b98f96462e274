@testable import BackpropKit
import Testing

/// The layer labels and matrix names of each notation, and the notations the styles make.
@Suite struct NotationStyleTests {
    @Test func layerLabels() {
        #expect((0...3).map(FourDiagramsNotation(depth: 3).layerLabel) == ["n-3", "n-2", "n-1", "n"])
        #expect((0...3).map(TextbookNotation(depth: 3).layerLabel) == ["L-3", "L-2", "L-1", "L"])
        #expect((0...3).map(FourDiagramsNotation(depth: 3, indexing: .absolute).layerLabel) == ["0", "1", "2", "3"])
        #expect((0...3).map(TextbookNotation(depth: 3, indexing: .absolute).layerLabel) == ["0", "1", "2", "3"])
    }

    @Test func stylesMakeTheirNotations() {
        #expect(NotationStyle.allCases.map(\.rawValue) == ["note", "diagrams", "textbook"])
        #expect(NotationStyle.note.notation(depth: 2, indexing: .note) is NoteNotation)
        #expect(NotationStyle.diagrams.notation(depth: 2, indexing: .note) is FourDiagramsNotation)
        let textbook = NotationStyle.textbook.notation(depth: 2, indexing: .absolute)
        #expect((textbook as? TextbookNotation)?.indexing == .absolute)
        #expect(textbook.layerLabel(2) == "2")
    }

    /// The textbook has names of its own for δ^{(l)} and ∇_a C; the other notations name no vector.
    @Test func ownMatrixNames() {
        let textbook = TextbookNotation(depth: 2)
        #expect(textbook.matrixName(of: .errors(layer: 1)) == SymbolName("δ", latex: "\\delta", superscript: "(L-1)"))
        #expect(textbook.matrixName(of: .lossGradient(layer: 2)) == SymbolName("∇ₐC", latex: "\\nabla_{a} C"))
        #expect(textbook.matrixName(of: .weights(layer: 1)) == nil)
        #expect(NoteNotation(depth: 2).matrixName(of: .errors(layer: 1)) == nil)
        #expect(FourDiagramsNotation(depth: 2).matrixName(of: .errors(layer: 1)) == nil)
    }
}
