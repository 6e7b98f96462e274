@testable import BackpropKit
import Testing

/// The derivation as data: its order, the note's steps corrected, and values that are exactly the
/// arithmetic printed before them.
@Suite struct DerivationTests {
    private let note: Network

    init() throws {
        note = try NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid]).network()
    }

    @Test func sectionsFollowTheNote() throws {
        let derivation = try Derivation(network: note)
        #expect(derivation.sectionKinds == [
            .given, .forwardPass(layer: 1), .forwardPass(layer: 2), .forwardPass(layer: 3), .loss, .errorDerivatives,
            .calculate(layer: 3), .furtherCalculate(layer: 3), .weightDerivatives(layer: 3), .propagated(layer: 3),
            .calculate(layer: 2), .furtherCalculate(layer: 2), .weightDerivatives(layer: 2), .propagated(layer: 2),
            .calculate(layer: 1), .furtherCalculate(layer: 1), .weightDerivatives(layer: 1), .propagated(layer: 1),
        ])
    }

    /// The note writes ∂f_{n,1}/∂o_{n-1,1} twice; the second is ∂f_{n,1}/∂o_{n-1,2} = w_{n-1,2,1}.
    @Test func correctsTheNotesRepeatedStep() throws {
        let calculate = try #require(try Derivation(network: note).sections.first { $0.kind == .calculate(layer: 3) })
        let byPrevious = calculate.steps.filter {
            if case .partial(of: .symbol(.preactivation(3, 0)), withRespectTo: .symbol(.activation(2, _))) = $0.symbol { return true }
            return false
        }
        #expect(byPrevious.map(\.symbol) == [.partial(.preactivation(layer: 3, neuron: 0), .activation(layer: 2, neuron: 0)),
                                             .partial(.preactivation(layer: 3, neuron: 0), .activation(layer: 2, neuron: 1))])
        #expect(byPrevious.map(\.concrete) == [.of(.weight(layer: 2, from: 0, to: 0)), .of(.weight(layer: 2, from: 1, to: 0))])
        #expect(byPrevious.map(\.value) == [note.layers[2].weights[0][0], note.layers[2].weights[1][0]])
    }

    @Test func localDerivativeComesFromTheTree() throws {
        let calculate = try #require(try Derivation(network: note).sections.first { $0.kind == .calculate(layer: 3) })
        let f = Expression.of(.preactivation(layer: 3, neuron: 0))
        let sigmoid = Expression.apply(.sigmoid, f)
        #expect(calculate.steps.first?.symbol == .partial(of: .application(.activation(layer: 3), [f]), withRespectTo: f))
        #expect(calculate.steps.first?.concrete == sigmoid * (1 - sigmoid))
    }

    @Test func inputDerivativesAreMarkedOptional() throws {
        let sections = Array(try Derivation(network: note).sections)
        let propagatedToInput = try #require(sections.first { $0.kind == .propagated(layer: 1) })
        let allOptional = propagatedToInput.steps.allSatisfy(\.isOptional)
        #expect(allOptional)
        #expect(propagatedToInput.printedSteps.isEmpty)
        let hidden = try #require(sections.first { $0.kind == .propagated(layer: 2) })
        let noneOptional = hidden.steps.allSatisfy { !$0.isOptional }
        #expect(noneOptional)
    }

    /// Every printed substitution, evaluated as written, gives exactly the printed value; every
    /// symbolic form evaluates to it at the forward pass's values.
    @Test(arguments: [
        NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid]),
        NetworkBlueprint(widths: [3, 4, 2], activations: [.tanh, .sigmoid], loss: .crossEntropy, hasBiases: true, seed: 4, learningRate: 0.3),
        NetworkBlueprint(widths: [2, 3, 3], activations: [.leakyRelu, .softmax], loss: .categoricalCrossEntropy, hasBiases: true, seed: 9),
        NetworkBlueprint(widths: [2, 2, 2], activations: [.softplus, .identity], loss: .halfSquared, seed: 2, learningRate: 1),
    ])
    func valuesAreTheArithmeticShown(_ blueprint: NetworkBlueprint) throws {
        let derivation = try Derivation(network: blueprint.network())
        let before = derivation.backpropagation.forward.bindings(for: derivation.network)
        // The second forward pass after a gradient-descent step reads the updated weights: f⁺, o⁺, δ⁺ from w⁺ and b⁺.
        let after = derivation.training.map { $0.afterFirstStep.forward.bindings(for: $0.afterFirstStep.network) }
        let bindings: (Symbol) -> Double? = { symbol in
            switch symbol {
            case .afterUpdate(let symbol): return after?(symbol)
            case .updatedWeight(let k, let i, let j): return after?(.weight(layer: k, from: i, to: j))
            case .updatedBias(let k, let j): return after?(.bias(layer: k, neuron: j))
            default: return before(symbol)
            }
        }
        var checked = 0
        for section in derivation.sections {
            for step in section.steps {
                if let substituted = step.substituted {
                    #expect(try substituted.evaluate([:]) == step.value, "\(step.symbol)")
                    checked += 1
                }
                for form in [step.general, step.concrete].compactMap({ $0 }) where !form.containsPartial {
                    let value = try form.evaluate(bindings)
                    #expect(abs(value - step.value) <= 1e-12 * max(1, abs(value)), "\(step.symbol)")
                }
            }
        }
        #expect(checked > 20)
    }
}

extension Expression {
    /// Whether a partial-derivative node or an abstract function occurs, which only a derivation step can give a value.
    var containsPartial: Bool {
        switch self {
        case .constant, .symbol: return false
        case .partial, .application(.activation, _), .application(.loss, _): return true
        case .sum(let children), .product(let children), .application(_, let children): return children.contains { $0.containsPartial }
        case .quotient(let a, let b), .power(let a, let b): return a.containsPartial || b.containsPartial
        case .negation(let a): return a.containsPartial
        }
    }
}
