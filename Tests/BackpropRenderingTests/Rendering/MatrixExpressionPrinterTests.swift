@testable import BackpropKit
@testable import BackpropRendering
import Testing

/// The vectorized equations printed in each notation, whole steps laid out, and entries tied back.
@Suite struct MatrixExpressionPrinterTests {
    /// The formulas of a 2-layer network: δ^{(L)}, ∂C/∂W^{(L)}, δ^{(L-1)}, ∂C/∂W^{(L-1)}.
    private let formulas: [MatrixExpression]

    init() throws {
        let network = try NetworkBlueprint(widths: [2, 2, 2], activations: [.sigmoid, .sigmoid]).network()
        formulas = try VectorizedDerivation(backpropagation: Backpropagation(network: network)).steps.map(\.formula)
    }

    @Test func textbook() {
        let latex = MatrixExpressionPrinter(LaTeXMath(), notation: TextbookNotation(depth: 2))
        #expect(formulas.map(latex.string) == [
            "\\nabla_{a} C \\odot \\sigma'(z^{(L)})",
            "\\delta^{(L)} (a^{(L-1)})^{\\top}",
            "((W^{(L)})^{\\top} \\delta^{(L)}) \\odot \\sigma'(z^{(L-1)})",
            "\\delta^{(L-1)} x^{\\top}",
        ])
        let unicode = MatrixExpressionPrinter(UnicodeMath(), notation: TextbookNotation(depth: 2))
        #expect(formulas.map(unicode.string) == [
            "∇ₐC ⊙ σ′(z⁽ᴸ⁾)",
            "δ⁽ᴸ⁾ (a⁽ᴸ⁻¹⁾)ᵀ",
            "((W⁽ᴸ⁾)ᵀ δ⁽ᴸ⁾) ⊙ σ′(z⁽ᴸ⁻¹⁾)",
            "δ⁽ᴸ⁻¹⁾ xᵀ",
        ])
        #expect(unicode.string(.weightGradient(layer: 2)) == "∂C/∂W⁽ᴸ⁾")
        #expect(unicode.string(.biasGradient(layer: 1)) == "∂C/∂b⁽ᴸ⁻¹⁾")
        #expect(latex.string(.weightGradient(layer: 2)) == "\\frac{\\partial C}{\\partial W^{(L)}}")
    }

    /// The note has no δ^{(l)} (δ is the loss): the errors are ∂δ/∂f_k, the weight matrix W_{k-1}.
    @Test func note() {
        let latex = MatrixExpressionPrinter(LaTeXMath(), notation: NoteNotation(depth: 2))
        #expect(formulas.map(latex.string) == [
            "\\frac{\\partial \\delta}{\\partial o_{n}} \\odot g_{n}'(f_{n})",
            "\\frac{\\partial \\delta}{\\partial f_{n}} o_{n-1}^{\\top}",
            "\\left(W_{n-1}^{\\top} \\frac{\\partial \\delta}{\\partial f_{n}}\\right) \\odot g_{n-1}'(f_{n-1})",
            "\\frac{\\partial \\delta}{\\partial f_{n-1}} o_{n-2}^{\\top}",
        ])
        let unicode = MatrixExpressionPrinter(UnicodeMath(), notation: NoteNotation(depth: 2))
        #expect(formulas.map(unicode.string) == [
            "∂δ/∂oₙ ⊙ gₙ′(fₙ)",
            "(∂δ/∂fₙ) oₙ₋₁ᵀ",
            "(Wₙ₋₁ᵀ (∂δ/∂fₙ)) ⊙ gₙ₋₁′(fₙ₋₁)",
            "(∂δ/∂fₙ₋₁) oₙ₋₂ᵀ",
        ])
        #expect(unicode.string(.weightGradient(layer: 2)) == "∂δ/∂Wₙ₋₁")
        #expect(MatrixExpressionPrinter(UnicodeMath(), notation: NoteNotation(depth: 2, indexing: .absolute))
            .string(.weights(layer: 2)) == "W₁")
    }

    @Test func diagrams() {
        let unicode = MatrixExpressionPrinter(UnicodeMath(), notation: FourDiagramsNotation(depth: 2))
        #expect(formulas.map(unicode.string) == [
            "∂c/∂Ô ⊙ σ′(O)",
            "(∂c/∂O) (Aⁿ⁻¹)ᵀ",
            "((Wⁿ)ᵀ (∂c/∂O)) ⊙ σ′(Lⁿ⁻¹)",
            "(∂c/∂Lⁿ⁻¹) Iᵀ",
        ])
        let latex = MatrixExpressionPrinter(LaTeXMath(flavor: .markdown), notation: FourDiagramsNotation(depth: 2))
        #expect(latex.string(formulas[0]) == "\\frac{\\partial c}{\\partial \\hat{O}} \\odot \\sigma'(O)")
    }

    @Test func jacobian() throws {
        let network = try NetworkBlueprint(widths: [2, 3], activations: [.softmax], loss: .categoricalCrossEntropy).network()
        let step = try #require(try VectorizedDerivation(backpropagation: Backpropagation(network: network)).steps.first)
        #expect(MatrixExpressionPrinter(UnicodeMath(), notation: TextbookNotation(depth: 1)).string(step.formula)
            == "(∂a⁽ᴸ⁾/∂z⁽ᴸ⁾)ᵀ ∇ₐC")
        #expect(MatrixExpressionPrinter(LaTeXMath(), notation: TextbookNotation(depth: 1)).string(step.formula)
            == "\\left(\\frac{\\partial a^{(L)}}{\\partial z^{(L)}}\\right)^{\\top} \\nabla_{a} C")
        #expect(MatrixExpressionPrinter(UnicodeMath(), notation: NoteNotation(depth: 1)).string(step.formula)
            == "(∂oₙ/∂fₙ)ᵀ (∂δ/∂oₙ)")
    }

    @Test func substitutedNumbers() {
        let substituted = MatrixExpression.hadamard(
            .product(.transpose(.value(Matrix(row: [0.5, 2]))), .value(Matrix(row: [3]))), .value(Matrix(column: [1, 0.25])))
        #expect(MatrixExpressionPrinter(UnicodeMath(), notation: NoteNotation(depth: 1)).string(substituted)
            == "([0.5, 2]ᵀ [3]) ⊙ [1; 0.25]")
        #expect(MatrixExpressionPrinter(LaTeXMath(), notation: NoteNotation(depth: 1)).string(substituted)
            == "\\left(\\begin{bmatrix} 0.5 & 2 \\end{bmatrix}^{\\top} \\begin{bmatrix} 3 \\end{bmatrix}\\right) \\odot \\begin{bmatrix} 1 \\\\ 0.25 \\end{bmatrix}")
        #expect(MatrixExpressionPrinter(UnicodeMath(), notation: NoteNotation(depth: 1)).lines(substituted) == [
            "([ 0.5  2 ]ᵀ [ 3 ]) ⊙ ⎡ 1    ⎤",
            "                      ⎣ 0.25 ⎦",
        ])
    }

    /// δ = o − t and ∂C/∂W = δ xᵀ for the identity and the half-squared loss, laid out as text.
    @Test func stepLines() throws {
        let layer = Layer(activation: .identity, weights: [[0.5, 0], [0, 0.25], [0.25, 0.5]])
        let network = try Network(layers: [layer], input: [1, 2, 3], target: [1, 1], loss: .halfSquared)
        let steps = try VectorizedDerivation(backpropagation: Backpropagation(network: network)).steps
        let unicode = MatrixExpressionPrinter(UnicodeMath(), notation: TextbookNotation(depth: 1))
        #expect(unicode.lines(of: steps[0]) == [
            "δ⁽ᴸ⁾ = ∇ₐC ⊙ σ′(z⁽ᴸ⁾)",
            "     = ⎡ 0.25 ⎤ ⊙ ⎡ 1 ⎤",
            "       ⎣ 1    ⎦   ⎣ 1 ⎦",
            "     = ⎡ 0.25 ⎤",
            "       ⎣ 1    ⎦",
        ])
        #expect(unicode.lines(of: steps[1]) == [
            "∂C/∂W⁽ᴸ⁾ = δ⁽ᴸ⁾ xᵀ",
            "                    ⎡ 1 ⎤ᵀ",
            "         = ⎡ 0.25 ⎤ ⎢ 2 ⎥",
            "           ⎣ 1    ⎦ ⎣ 3 ⎦",
            "         = ⎡ 0.25  0.5  0.75 ⎤",
            "           ⎣ 1     2    3    ⎦",
        ])
        let latex = MatrixExpressionPrinter(LaTeXMath(), notation: TextbookNotation(depth: 1))
        let forms = latex.forms(of: steps[1])
        #expect(forms.quantity == "\\frac{\\partial C}{\\partial W^{(L)}}")
        #expect(forms.forms == [
            "\\delta^{(L)} x^{\\top}",
            "\\begin{bmatrix} 0.25 \\\\ 1 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 2 \\\\ 3 \\end{bmatrix}^{\\top}",
            "\\begin{bmatrix} 0.25 & 0.5 & 0.75 \\\\ 1 & 2 & 3 \\end{bmatrix}",
        ])
    }

    /// ∂C/∂b^{(l)} = δ^{(l)} substitutes nothing, so the numbers follow the formula directly.
    @Test func biasStepSkipsTheSubstitution() throws {
        let layer = Layer(activation: .identity, weights: [[1]], biases: [0.5])
        let network = try Network(layers: [layer], input: [1], target: [1], loss: .halfSquared)
        let steps = try VectorizedDerivation(backpropagation: Backpropagation(network: network)).steps
        #expect(MatrixExpressionPrinter(UnicodeMath(), notation: TextbookNotation(depth: 1)).lines(of: steps[2])
            == ["∂C/∂b⁽ᴸ⁾ = δ⁽ᴸ⁾", "         = [ 0.5 ]"])
    }

    /// Entry (1, 2) of ∂C/∂W is the weight from neuron 2 to neuron 1: w^{(L)}_{12} in the textbook,
    /// w_{n-1,2,1} in the note.
    @Test func linkEquations() throws {
        let layer = Layer(activation: .identity, weights: [[0.5, 0], [0, 0.25], [0.25, 0.5]])
        let network = try Network(layers: [layer], input: [1, 2, 3], target: [1, 1], loss: .halfSquared)
        let steps = try VectorizedDerivation(backpropagation: Backpropagation(network: network)).steps
        let textbook = MatrixExpressionPrinter(UnicodeMath(), notation: TextbookNotation(depth: 1))
        #expect(textbook.linkEquation(of: steps[1]) == "[∂C/∂W⁽ᴸ⁾]₁,₂ = ∂C/∂w⁽ᴸ⁾₁,₂")
        #expect(textbook.linkEquation(of: steps[0]) == "[δ⁽ᴸ⁾]₁ = ∂C/∂z⁽ᴸ⁾₁")
        let note = MatrixExpressionPrinter(UnicodeMath(), notation: NoteNotation(depth: 1))
        #expect(note.linkEquation(of: steps[1]) == "[∂δ/∂Wₙ₋₁]₁,₂ = ∂δ/∂wₙ₋₁,₂,₁")
        let latex = MatrixExpressionPrinter(LaTeXMath(), notation: TextbookNotation(depth: 1))
        #expect(latex.linkEquation(of: steps[1])
            == "\\left[\\frac{\\partial C}{\\partial W^{(L)}}\\right]_{1,2} = \\frac{\\partial C}{\\partial w_{1,2}^{(L)}}")
        #expect(latex.entry(row: 0, column: 0, of: .errors(layer: 1)) == "[\\delta^{(L)}]_{1}")
    }

    /// The link names the scalar step without a value, so a value the matrix prints is never printed twice,
    /// even when the two round differently in their last digit.
    @Test func linkPrintsNoSecondValue() {
        let step = VectorizedStep(
            kind: .biasGradient, layer: 1, quantity: .biasGradient(layer: 1), formula: .quantity(.errors(layer: 1)),
            substituted: .value(Matrix(column: [0.30000000000000004])), value: Matrix(column: [0.30000000000000004]),
            link: ScalarLink(row: 0, column: 0, symbol: .partial(.loss, .bias(layer: 1, neuron: 0)), value: 0.3))
        let printer = MatrixExpressionPrinter(UnicodeMath(), notation: TextbookNotation(depth: 1))
        #expect(printer.linkEquation(of: step) == "[∂C/∂b⁽ᴸ⁾]₁ = ∂C/∂b⁽ᴸ⁾₁")
    }
}
