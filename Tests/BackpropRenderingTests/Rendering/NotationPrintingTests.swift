@testable import BackpropKit
@testable import BackpropRendering
import Testing

/// Every kind of symbol and function in each notation, printed in LaTeX and Unicode.
@Suite struct NotationPrintingTests {
    /// A symbol and how it prints in LaTeX and in Unicode.
    struct Case: CustomTestStringConvertible, Sendable {
        let expression: Expression
        let latex: String
        let unicode: String
        var testDescription: String { unicode }

        init(_ symbol: Symbol, _ latex: String, _ unicode: String) {
            self.init(.of(symbol), latex, unicode)
        }

        init(_ expression: Expression, _ latex: String, _ unicode: String) {
            self.expression = expression
            self.latex = latex
            self.unicode = unicode
        }
    }

    /// A network of three weight layers: layers n-3 (input) ... n (output).
    private static let depth = 3

    private static let output = Expression.of(.activation(layer: 3, neuron: 0))
    private static let target = Expression.of(.target(neuron: 0))
    private static let f = (0..<2).map { Expression.of(.preactivation(layer: 3, neuron: $0)) }

    static let diagrams: [Case] = [
        Case(.preactivation(layer: 1, neuron: 0), "L_{1}^{n-2}", "Lⁿ⁻²₁"),
        Case(.preactivation(layer: 3, neuron: 1), "O_{2}", "O₂"),
        Case(.activation(layer: 0, neuron: 1), "I_{2}", "I₂"),
        Case(.activation(layer: 2, neuron: 0), "A_{1}^{n-1}", "Aⁿ⁻¹₁"),
        Case(.activation(layer: 3, neuron: 0), "\\hat{O}_{1}", "Ô₁"),
        Case(.weight(layer: 2, from: 1, to: 0), "W_{2,1}^{n}", "Wⁿ₂,₁"),
        Case(.weight(layer: 0, from: 0, to: 1), "W_{1,2}^{n-2}", "Wⁿ⁻²₁,₂"),
        Case(.bias(layer: 2, neuron: 0), "b_{1}^{n-1}", "bⁿ⁻¹₁"),
        Case(.target(neuron: 0), "E_{1}", "E₁"),
        Case(.loss, "c", "c"),
        Case(.lossTerm(neuron: 1), "c_{2}", "c₂"),
        Case(.learningRate, "\\eta", "η"),
        Case(.updatedWeight(layer: 0, from: 0, to: 1), "W_{1,2}^{n-2,+}", "Wⁿ⁻²,⁺₁,₂"),
        Case(.updatedBias(layer: 3, neuron: 0), "b_{1}^{n,+}", "bⁿ,⁺₁"),
        Case(.variable("a"), "a", "a"),
        Case(.application(.activation(layer: 2), [.of(.preactivation(layer: 2, neuron: 0))]), "\\sigma(L_{1}^{n-1})", "σ(Lⁿ⁻¹₁)"),
        Case(.application(.loss, [output, target]), "\\operatorname{cost}(\\hat{O}_{1}, E_{1})", "cost(Ô₁, E₁)"),
        Case(.application(.softmax(index: 0), f), "\\operatorname{softmax}_{1}(O_{1}, O_{2})", "softmax₁(O₁, O₂)"),
        Case(.apply(.tanh, f[0]), "\\tanh(O_{1})", "tanh(O₁)"),
        Case(.partial(.loss, .weight(layer: 2, from: 1, to: 0)), "\\frac{\\partial c}{\\partial W_{2,1}^{n}}", "∂c/∂Wⁿ₂,₁"),
    ]

    static let textbook: [Case] = [
        Case(.preactivation(layer: 1, neuron: 0), "z_{1}^{(L-2)}", "z⁽ᴸ⁻²⁾₁"),
        Case(.preactivation(layer: 3, neuron: 1), "z_{2}^{(L)}", "z⁽ᴸ⁾₂"),
        Case(.activation(layer: 0, neuron: 1), "x_{2}", "x₂"),
        Case(.activation(layer: 2, neuron: 0), "a_{1}^{(L-1)}", "a⁽ᴸ⁻¹⁾₁"),
        Case(.activation(layer: 3, neuron: 0), "a_{1}^{(L)}", "a⁽ᴸ⁾₁"),
        // w^{(l)}_{jk}: to neuron j of layer l from neuron k of layer l-1, the reverse of the note's order.
        Case(.weight(layer: 2, from: 1, to: 0), "w_{1,2}^{(L)}", "w⁽ᴸ⁾₁,₂"),
        Case(.weight(layer: 0, from: 0, to: 1), "w_{2,1}^{(L-2)}", "w⁽ᴸ⁻²⁾₂,₁"),
        Case(.bias(layer: 2, neuron: 0), "b_{1}^{(L-1)}", "b⁽ᴸ⁻¹⁾₁"),
        Case(.target(neuron: 0), "y_{1}", "y₁"),
        Case(.loss, "C", "C"),
        Case(.lossTerm(neuron: 1), "C_{2}", "C₂"),
        Case(.learningRate, "\\eta", "η"),
        Case(.updatedWeight(layer: 0, from: 0, to: 1), "w_{2,1}^{(L-2)+}", "w⁽ᴸ⁻²⁾⁺₂,₁"),
        Case(.updatedBias(layer: 3, neuron: 0), "b_{1}^{(L)+}", "b⁽ᴸ⁾⁺₁"),
        Case(.variable("a"), "a", "a"),
        Case(.application(.activation(layer: 2), [.of(.preactivation(layer: 2, neuron: 0))]), "\\sigma(z_{1}^{(L-1)})", "σ(z⁽ᴸ⁻¹⁾₁)"),
        Case(.application(.loss, [output, target]), "\\ell(a_{1}^{(L)}, y_{1})", "ℓ(a⁽ᴸ⁾₁, y₁)"),
        Case(.application(.softmax(index: 0), f), "\\operatorname{softmax}_{1}(z_{1}^{(L)}, z_{2}^{(L)})", "softmax₁(z⁽ᴸ⁾₁, z⁽ᴸ⁾₂)"),
        Case(.apply(.sigmoid, f[0]), "\\sigma(z_{1}^{(L)})", "σ(z⁽ᴸ⁾₁)"),
        Case(.partial(.loss, .weight(layer: 2, from: 1, to: 0)), "\\frac{\\partial C}{\\partial w_{1,2}^{(L)}}", "∂C/∂w⁽ᴸ⁾₁,₂"),
    ]

    @Test(arguments: diagrams)
    func diagramsNames(_ expected: Case) {
        expectPrinted(expected, in: FourDiagramsNotation(depth: Self.depth))
    }

    @Test(arguments: textbook)
    func textbookNames(_ expected: Case) {
        expectPrinted(expected, in: TextbookNotation(depth: Self.depth))
    }

    @Test func absoluteIndicesNumberTheLayers() {
        let diagrams = FourDiagramsNotation(depth: 3, indexing: .absolute)
        let textbook = TextbookNotation(depth: 3, indexing: .absolute)
        expectPrinted(Case(.activation(layer: 2, neuron: 0), "A_{1}^{2}", "A²₁"), in: diagrams)
        expectPrinted(Case(.weight(layer: 0, from: 2, to: 1), "W_{3,2}^{1}", "W¹₃,₂"), in: diagrams)
        expectPrinted(Case(.preactivation(layer: 1, neuron: 0), "z_{1}^{(1)}", "z⁽¹⁾₁"), in: textbook)
        expectPrinted(Case(.updatedWeight(layer: 1, from: 0, to: 2), "w_{3,1}^{(2)+}", "w⁽²⁾⁺₃,₁"), in: textbook)
    }

    /// Every name of a deep network prints in Unicode with raised and lowered characters only, never
    /// falling back to `^(...)` or `_(...)`.
    @Test(arguments: NotationStyle.allCases, LayerIndexing.allCases)
    func unicodeScriptsNeverFallBack(_ style: NotationStyle, _ indexing: LayerIndexing) {
        let depth = 12
        let notation = style.notation(depth: depth, indexing: indexing)
        let printer = MathPrinter(UnicodeMath(), notation: notation)
        var symbols: [Symbol] = [.loss, .learningRate, .target(neuron: 11), .lossTerm(neuron: 11)]
        for k in 0...depth {
            symbols += [.activation(layer: k, neuron: 10), .preactivation(layer: k, neuron: 10), .bias(layer: k, neuron: 10),
                        .updatedBias(layer: k, neuron: 0)]
            if k < depth { symbols += [.weight(layer: k, from: 10, to: 11), .updatedWeight(layer: k, from: 0, to: 11)] }
        }
        for symbol in symbols {
            let text = printer.string(.of(symbol))
            #expect(!text.contains("^") && !text.contains("_"), "\(style) \(indexing): \(text)")
        }
    }

    private func expectPrinted(_ expected: Case, in notation: any Notation, sourceLocation: SourceLocation = #_sourceLocation) {
        let latex = MathPrinter(LaTeXMath(), notation: notation).string(expected.expression)
        let unicode = MathPrinter(UnicodeMath(), notation: notation).string(expected.expression)
        #expect(latex == expected.latex, sourceLocation: sourceLocation)
        #expect(unicode == expected.unicode, sourceLocation: sourceLocation)
    }
}
