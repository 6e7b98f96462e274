@testable import BackpropKit
@testable import BackpropRendering
import TestSupport
import Testing

/// The MathML spelling through the one printing walk: the pieces MathML Core lays out, and well-formed
/// markup for every formula of every derivation.
@Suite struct MathMLMathTests {
    private let printer = MathPrinter(MathMLMath(), notation: NoteNotation(depth: 3))

    @Test func partialIsAFractionOfNamesWithIndices() {
        let partial = Expression.partial(of: .of(.loss), withRespectTo: .of(.activation(layer: 3, neuron: 0)))
        #expect(printer.string(partial) == "<mfrac><mrow><mi>∂</mi><mi>δ</mi></mrow><mrow><mi>∂</mi><msub><mi>o</mi><mrow><mi>n</mi>"
            + "<mo lspace=\"0\" rspace=\"0\">,</mo><mn>1</mn></mrow></msub></mrow></mfrac>")
    }

    @Test func negativeNumbersArePrefixedAndDifferencesInfixed() throws {
        let text = printer.string(try ExpressionParser.parse("a - b * (-2)"))
        #expect(text == "<mi>a</mi> <mo>−</mo> <mi>b</mi><mo>\u{2062}</mo><mrow><mo stretchy=\"false\">(</mo><mo form=\"prefix\">−</mo><mn>2</mn>"
            + "<mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func powerEnclosesItsBase() throws {
        #expect(printer.string(try ExpressionParser.parse("(a - b)^2")) == "<msup><mrow><mrow><mo stretchy=\"false\">(</mo><mi>a</mi> <mo>−</mo> "
            + "<mi>b</mi><mo stretchy=\"false\">)</mo></mrow></mrow><mrow><mn>2</mn></mrow></msup>")
    }

    /// A factor that reads as a number gets a multiplication sign although its markup opens with a tag.
    @Test func numberBehindMarkupGetsATimesSign() throws {
        #expect(printer.string(try ExpressionParser.parse("a * 2^b")).hasPrefix("<mi>a</mi><mo>·</mo><msup><mrow><mn>2</mn>"))
        #expect(printer.string(try ExpressionParser.parse("a * b")) == "<mi>a</mi><mo>\u{2062}</mo><mi>b</mi>")
    }

    /// A graph's adjoint ē and tangent ḃ carry their accent over the letter; a variable's trailing digits are
    /// its subscript, and a longer name is one upright word, as a function's.
    @Test func graphNamesKeepTheirAccentsAndSubscripts() throws {
        let graph = MathPrinter(MathMLMath(), notation: GraphNotation())
        #expect(graph.string(.of(.adjoint("e"))) == "<mover accent=\"true\"><mi>e</mi><mo>¯</mo></mover>")
        #expect(graph.string(.of(.tangent("b"))) == "<mover accent=\"true\"><mi>b</mi><mo>˙</mo></mover>")
        #expect(graph.string(.of(.variable("w_12"))) == "<msub><mi>w</mi><mrow><mn>12</mn></mrow></msub>")
        #expect(graph.string(.of(.variable("rate"))) == "<mi>rate</mi>")
        #expect(graph.string(try ExpressionParser.parse("exp(rate)")) == "<mi>exp</mi><mrow><mo stretchy=\"false\">(</mo><mi>rate</mi><mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func scientificNumberIsAPowerOfTen() {
        #expect(printer.string(.constant(-1.5e-7)) == "<mo form=\"prefix\">−</mo><mn>1.5</mn><mo>×</mo><msup><mn>10</mn><mrow><mo>−</mo><mn>7</mn></mrow></msup>")
    }

    @Test func errorDerivativeIsColouredByItsLayersClass() {
        let coloured = MathPrinter(MathMLMath(), notation: NoteNotation(depth: 3), colorDepth: 3)
        let text = coloured.string(.partial(of: .of(.loss), withRespectTo: .of(.activation(layer: 2, neuron: 0))))
        #expect(text.hasPrefix("<mrow class=\"layer-red\"><mfrac>") && text.hasSuffix("</mfrac></mrow>"))
    }

    /// The number of children MathML Core lays out for each scripted or stacked element.
    static let arity = ["msup": 2, "msub": 2, "msubsup": 3, "mfrac": 2]

    /// Every symbol, form and value of every derivation, and every matrix step, is well-formed inside `<math>`, each
    /// script and fraction with as many children as it lays out.
    @Test(arguments: SnapshotNetwork.allCases)
    func everyFormulaIsWellFormed(_ network: SnapshotNetwork) throws {
        let derivation = try network.derivation()
        let printer = MathPrinter(MathMLMath(), notation: network.notation, numbers: network.numbers, colorDepth: derivation.network.depth)
        var formulas: [String] = []
        for section in derivation.sections {
            for step in section.steps {
                formulas += ([step.symbol] + step.forms + [.constant(step.value)]).map(printer.string)
            }
        }
        let matrices = printer.matrixPrinter
        for step in derivation.vectorized?.steps ?? [] {
            let (quantity, forms) = matrices.forms(of: step)
            formulas += [quantity, matrices.linkEquation(of: step)] + forms
        }
        for formula in formulas {
            let outline = XMLOutline("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">" + formula + "</math>")
            #expect(outline.error == nil, "\(formula)")
            for element in outline.elements {
                if let arity = Self.arity[element.name] { #expect(element.childCount == arity, "\(element.name) in \(formula)") }
            }
        }
    }
}
