import BackpropKit
import BackpropRendering

/// The networks whose rendered derivations are pinned by golden files and compiled with pdflatex.
enum SnapshotNetwork: String, CaseIterable, CustomTestStringConvertible {
    /// The source note's network: three sigmoid layers of widths 2, 2, 2, 1 and the squared loss.
    case note
    /// A 2-2-2 sigmoid network with biases, the half-squared loss and a learning rate.
    case biases
    /// A tanh hidden layer and a softmax output with the categorical cross-entropy.
    case softmax
    /// Two outputs with the binary cross-entropy, relu before, layers numbered 0...N.
    case outputs
    /// The note's network computed by hand to 4 digits, with a learning rate.
    case hand
    /// A tanh and sigmoid network with biases and a gradient check.
    case checked
    /// An exercise sheet on the note's network, by hand to 4 digits, with its answer key.
    case exercise
    /// The note's network in the four-diagrams notation.
    case diagrams
    /// A softmax classifier in the textbook notation, with its matrix form.
    case textbook

    var blueprint: NetworkBlueprint {
        switch self {
        case .note:
            return NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid])
        case .biases:
            return NetworkBlueprint(widths: [2, 2, 2], activations: [.sigmoid, .sigmoid], loss: .halfSquared,
                                    hasBiases: true, seed: 7, learningRate: 0.5)
        case .softmax:
            return NetworkBlueprint(widths: [2, 3, 3], activations: [.tanh, .softmax], loss: .categoricalCrossEntropy,
                                    hasBiases: true, seed: 3)
        case .outputs:
            return NetworkBlueprint(widths: [2, 3, 2], activations: [.relu, .sigmoid], loss: .crossEntropy, seed: 5)
        case .hand:
            return NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid], learningRate: 1)
        case .checked:
            return NetworkBlueprint(widths: [2, 3, 1], activations: [.tanh, .sigmoid], hasBiases: true, seed: 12)
        case .exercise:
            return NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid], seed: 3)
        case .diagrams:
            return NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid])
        case .textbook:
            return NetworkBlueprint(widths: [2, 3, 2], activations: [.sigmoid, .softmax], loss: .categoricalCrossEntropy,
                                    hasBiases: true, seed: 8)
        }
    }

    /// How the handout prints its numbers.
    var numbers: NumberFormat { [.hand, .exercise, .textbook].contains(self) ? NumberFormat(significantDigits: 4) : .roundTrip }

    var indexing: LayerIndexing { self == .outputs ? .absolute : .note }

    func derivation() throws -> Derivation {
        try Derivation(network: blueprint.network(), rounding: Rounding(significantDigits: numbers.significantDigits),
                       checksGradients: self == .checked, exercise: self == .exercise ? .both : nil, vectorized: self == .textbook)
    }

    var notation: any Notation {
        let style: NotationStyle = self == .diagrams ? .diagrams : self == .textbook ? .textbook : .note
        return style.notation(depth: blueprint.widths.count - 1, indexing: indexing)
    }

    var info: HandoutInfo {
        HandoutInfo(title: "Backpropagation: the \(rawValue) network", provenance: "The values are drawn with seed \(blueprint.seed).")
    }

    /// The handout of the derivation, as every format writes it.
    func handout() throws -> Handout {
        Handout(.network(try derivation()), info: info, notation: notation, numbers: numbers)
    }

    var testDescription: String { rawValue }
}

import Testing
